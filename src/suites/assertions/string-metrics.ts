// Local, deterministic text similarity used by the `levenshtein` and `rouge-l` assertions
// (and by the config loader's "did you mean").

/** Edit distance (insert, delete, substitute = 1) over UTF-16 code units; O(min(a,b)) memory. */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 - distance / longer length: 1 for identical strings, 0 for nothing in common. */
export function levenshteinSimilarity(a: string, b: string): number {
  const maxLen = Math.max(a.length, b.length);
  return maxLen === 0 ? 1 : 1 - levenshteinDistance(a, b) / maxLen;
}

function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** ROUGE-L F1: longest common subsequence of lower-cased whitespace tokens. */
export function rougeL(candidate: string, reference: string): number {
  const c = tokens(candidate);
  const r = tokens(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  let prev = new Array<number>(r.length + 1).fill(0);
  let cur = new Array<number>(r.length + 1).fill(0);
  for (let i = 1; i <= c.length; i++) {
    for (let j = 1; j <= r.length; j++) {
      cur[j] = c[i - 1] === r[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  const lcs = prev[r.length]!;
  if (lcs === 0) return 0;
  const precision = lcs / c.length;
  const recall = lcs / r.length;
  return (2 * precision * recall) / (precision + recall);
}
