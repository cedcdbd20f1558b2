// A toy "model" for end-to-end tests: its answers depend on the prompt in ways a test can
// steer, so a prompt edit can regress, fix or lengthen answers on purpose.
//   user message "... item 7 -> apple"  => answers "apple"
//   the prompt contains BROKEN           => items with an odd number answer "wrong"
//   the prompt contains VERBOSE          => the answer gets a long tail (more output tokens)
//   the prompt contains NOISY            => about a third of the answers are wrong, a fixed
//                                           pseudo-random pattern per (prompt, item, repeat)
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function toyAnswer(req: { messages: { role: string; content: string }[] }, repeatIndex: number): string {
  const all = req.messages.map((m) => m.content).join('\n');
  const user = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const m = /item (\d+) -> ([\w-]+)/.exec(user);
  if (!m) return 'no item';
  const n = Number(m[1]);
  let answer = m[2]!;
  if (all.includes('BROKEN') && n % 2 === 1) answer = 'wrong';
  if (all.includes('NOISY') && hash(`${all}#${repeatIndex}`) % 3 === 0) answer = 'wrong';
  if (all.includes('VERBOSE')) answer += ` because ${'this is a very long explanation '.repeat(20)}`;
  return answer;
}

export function toyCases(n: number, start = 1): string {
  const fruits = ['apple', 'pear', 'plum', 'kiwi', 'fig', 'lime'];
  return (
    Array.from({ length: n }, (_, i) => {
      const k = start + i;
      return JSON.stringify({
        id: `c${k}`,
        vars: { text: `item ${k} -> ${fruits[k % fruits.length]}`, expected: fruits[k % fruits.length] },
      });
    }).join('\n') + '\n'
  );
}
