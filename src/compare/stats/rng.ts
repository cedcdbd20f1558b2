// The seeded generator every resampling rule takes as a value (no module state): mulberry32,
// small and fast, and plenty for bootstrap indices. bootstrap.ts inlines the same steps in its
// hot loop, so a seed gives the same indices either way.

/** uint32s from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
