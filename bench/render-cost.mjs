// What rendering costs per run: 10,000 cases of a Dotprompt (in the render sandbox), a Prompty
// Jinja and a Prompty Mustache prompt, against the plain `{{var}}` filler for the same cases.
// Prints the extra time each format adds (median of 5 runs). `node bench/render-cost.mjs`
// (needs dist/render-sandbox.mjs: `npm run build`). On a busy machine wall time says little:
// `node bench/render-cost.mjs dotprompt` renders one format once, so that
// `/usr/bin/time -f '%U+%S' node bench/render-cost.mjs <format>` gives its CPU time, children
// included, to compare with `… template`.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pg-render-cost-'));
const entry = `export { parsePrompt } from './src/prompts/load-prompt.ts';
export { renderPrompts } from './src/prompts/render-prompt.ts';
export { childProcessSandbox } from './src/sandbox/render-sandbox.ts';`;
const out = join(dir, 'render.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src', 'sandbox', 'render-sandbox.ts')).href) },
});
const { parsePrompt, renderPrompts, childProcessSandbox } = await import(pathToFileURL(out).href);
const sandbox = childProcessSandbox();

const N = 10_000;
const cases = Array.from({ length: N }, (_, i) => ({
  id: `c${i}`,
  vars: {
    name: `user ${i}`,
    ticket: `Ticket ${i}: the printer on floor ${i % 7} is jammed again.`,
    tags: ['a', 'b', String(i)],
    vip: i % 3 === 0,
  },
}));
const prompts = {
  template: parsePrompt('p.md', '---\nsystem: You triage tickets for {{name}}.\n---\n{{ticket}}\n'),
  dotprompt: parsePrompt(
    'p.prompt',
    '---\nmodel: m\n---\n{{role "system"}}You triage tickets for {{name}}.{{#if vip}} (VIP){{/if}}\n{{role "user"}}{{ticket}}\n{{#each tags}}#{{this}} {{/each}}\n',
  ),
  jinja: parsePrompt(
    'p.prompty',
    '---\nname: x\n---\nsystem:\nYou triage tickets for {{ name }}.{% if vip %} (VIP){% endif %}\nuser:\n{{ ticket }}\n{% for t in tags %}#{{ t }} {% endfor %}\n',
  ),
  mustache: parsePrompt(
    'p.prompty',
    '---\ntemplate: mustache\n---\nsystem:\nYou triage tickets for {{name}}.{{#vip}} (VIP){{/vip}}\nuser:\n{{ticket}}\n{{#tags}}#{{.}} {{/tags}}\n',
  ),
};

async function time(prompt) {
  const runs = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const [r] = await renderPrompts([{ prompt, cases }], sandbox);
    runs.push(performance.now() - t0);
    if (r.length !== N || r.some((x) => !('messages' in x))) throw new Error('a case did not render');
  }
  return runs.sort((a, b) => a - b)[2];
}

const only = process.argv[2];
if (only) {
  const [r] = await renderPrompts([{ prompt: prompts[only], cases }], sandbox);
  if (r.some((x) => !('messages' in x))) throw new Error('a case did not render');
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const base = await time(prompts.template);
console.log(`{{var}} filler, ${N} cases: ${base.toFixed(0)} ms`);
for (const name of ['dotprompt', 'jinja', 'mustache']) {
  const ms = await time(prompts[name]);
  console.log(`${name}, ${N} cases: ${ms.toFixed(0)} ms (adds ${(ms - base).toFixed(0)} ms)`);
}
rmSync(dir, { recursive: true, force: true });
