// Every case of a run rendered before planning, in one batch: one call to the prompts' renderer
// for all suites of all sides, so every Dotprompt template (head's ones are untrusted) is
// rendered in one sandbox process (prompts/render-prompt.ts says why a sandbox). A prompt is
// rendered once per distinct vars object: the other exam's view of a case (same prompt, same
// borrowed vars) reuses the gated rendering instead of asking again.
import { renderPrompts, type RenderCase, type Rendered } from '../prompts/render-prompt.js';
import type { RenderSandbox } from '../sandbox/render-sandbox.js';
import type { EvalCase, Prompt, Suite } from '../types.js';

/** Per suite, per case (in order): its rendering, or undefined when known unrenderable. */
export type RenderedCases = Map<Suite, (Rendered | undefined)[]>;

interface Batch {
  cases: RenderCase[];
  index: Map<object, number>;
}

function renderVars(c: EvalCase): Record<string, unknown> {
  return c.borrowed?.vars ?? c.vars;
}

export async function renderSuiteCases(suites: readonly Suite[], sandbox: RenderSandbox): Promise<RenderedCases> {
  const batches = new Map<Prompt, Batch>();
  for (const s of suites) {
    let b = batches.get(s.prompt);
    if (!b) batches.set(s.prompt, (b = { cases: [], index: new Map() }));
    for (const c of s.cases) {
      const vars = renderVars(c);
      if (c.borrowed?.unrenderable !== undefined || b.index.has(vars)) continue;
      b.index.set(vars, b.cases.length);
      b.cases.push({ id: c.id, vars, source: c.source });
    }
  }
  const prompts = [...batches.keys()];
  const results = await renderPrompts(
    prompts.map((prompt) => ({ prompt, cases: batches.get(prompt)!.cases })),
    sandbox,
  );
  const byPrompt = new Map(prompts.map((p, i) => [p, results[i]!]));
  const out: RenderedCases = new Map();
  for (const s of suites) {
    const b = batches.get(s.prompt)!;
    const rendered = byPrompt.get(s.prompt)!;
    out.set(
      s,
      s.cases.map((c) => {
        const i = b.index.get(renderVars(c));
        return c.borrowed?.unrenderable !== undefined || i === undefined ? undefined : rendered[i];
      }),
    );
  }
  return out;
}
