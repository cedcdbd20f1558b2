// Which suites a change touches. Pure: decided from the resolved suites of both sides and
// the list of changed paths, so it is easy to test and to explain in the report.
import { requestFeatures } from '../prompts/request-features.js';
import type { Suite } from '../types.js';

export type SuitePlan =
  | { name: string; status: 'compared'; base: Suite; head: Suite; why: string }
  | { name: string; status: 'added'; head: Suite; why: string }
  | { name: string; status: 'removed'; base: Suite; why: string }
  | { name: string; status: 'skipped'; base: Suite; head: Suite; why: string };

/** What the model sees and how it is judged; any difference makes the suite affected. */
function definition(s: Suite): string {
  return JSON.stringify({
    messages: s.prompt.messages,
    features: requestFeatures(s.prompt),
    provider: s.provider,
    assert: s.assert,
    repeats: s.repeats,
    aggregate: s.aggregate,
    cases: s.cases.map((c) => [c.id, c.vars, c.assert, c.conversation ?? null]),
  });
}

export function planSuites(base: Suite[], head: Suite[], changed: readonly string[], all: boolean): SuitePlan[] {
  const changedSet = new Set(changed);
  const baseByName = new Map(base.map((s) => [s.name, s]));
  const headByName = new Map(head.map((s) => [s.name, s]));
  const names = [...new Set([...base.map((s) => s.name), ...head.map((s) => s.name)])];
  return names.map((name): SuitePlan => {
    const b = baseByName.get(name);
    const h = headByName.get(name);
    if (!b) return { name, status: 'added', head: h!, why: 'suite added by this change' };
    if (!h) return { name, status: 'removed', base: b, why: 'suite removed by this change' };
    if (all) return { name, status: 'compared', base: b, head: h, why: '--all' };
    const touched = [...new Set([...b.dependencies, ...h.dependencies])].filter((f) => changedSet.has(f));
    if (touched.length) return { name, status: 'compared', base: b, head: h, why: `changed: ${touched.join(', ')}` };
    if (definition(b) !== definition(h))
      return { name, status: 'compared', base: b, head: h, why: 'suite configuration changed' };
    return { name, status: 'skipped', base: b, head: h, why: 'not affected by this change' };
  });
}
