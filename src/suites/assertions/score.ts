// Scores one sample (one model output) against a case's assertions. Pure: no I/O, nothing
// from the repo is executed. Any assertion that cannot be evaluated fails with a reason.
import type { AssertionSpec } from '../../config/schema.js';
import type { AssertionOutcome, CallResult } from '../../types.js';
import { CHECKS, NOT_SUPPORTED_YET, type CheckContext } from './checks.js';
import { fillValue } from './fill-value.js';
import { baseType } from './validate.js';

/** What a judge or embedding call found for one assertion (src/judges); computed before scoring. */
export interface ExternalObservation {
  /** Whether the positive form holds. */
  holds: boolean;
  why: string;
  score?: number;
  /** Set when the assertion could not be evaluated (judge call failed, malformed reply): the sample errors. */
  error?: string;
}

export interface ScoreContext {
  vars: Record<string, unknown>;
  call: CallResult;
  costUsd?: number;
  /** Results of llm-rubric / similar, by the assertion's index in the list given to scoreSample. */
  external?: ReadonlyMap<number, ExternalObservation>;
}

export interface SampleScore {
  /** All hard assertions hold. */
  hardPass: boolean;
  /** All assertions hold (hard and soft). */
  softPass: boolean;
  outcomes: AssertionOutcome[];
  /** Why an assertion could not be evaluated; the sample then counts as errored, not failed. */
  error?: string;
}

// Types whose string `value` is a template over the case's vars (schemas and limits are not).
const TEMPLATED = new Set([
  'equals',
  'contains',
  'icontains',
  'regex',
  'starts-with',
  'ends-with',
  'levenshtein',
  'rouge-l',
]);

export function scoreAssertion(spec: AssertionSpec, ctx: ScoreContext, index = -1): AssertionOutcome {
  const grade = spec.grade ?? 'hard';
  const { base, negated } = baseType(spec.type);
  const fail = (reason: string): AssertionOutcome => ({ type: spec.type, grade, pass: false, reason });
  // llm-rubric and similar need a model call; the engine makes it first (src/judges) and hands
  // the result in. Scored without it (no engine), they fail and say why.
  if (NOT_SUPPORTED_YET.has(base)) {
    const ext = ctx.external?.get(index);
    if (!ext) return fail(`${base} needs a judge or embeddings call, which was not made`);
    if (ext.error !== undefined) return { type: spec.type, grade, pass: false, reason: ext.error, errored: true };
    const pass = negated ? !ext.holds : ext.holds;
    const out: AssertionOutcome = { type: spec.type, grade, pass };
    // The judge's reasoning is kept whether it passed or not; the report shows it on failures.
    out.reason = ext.why;
    if (ext.score !== undefined) out.score = ext.score;
    return out;
  }
  const check = CHECKS[base];
  if (!check || (negated && base.startsWith('max-'))) return fail(`unknown assertion type "${spec.type}"`);
  try {
    const value = TEMPLATED.has(base) && typeof spec.value === 'string' ? fillValue(spec.value, ctx.vars) : spec.value;
    const cctx: CheckContext = { output: ctx.call.output, value, spec, call: ctx.call, costUsd: ctx.costUsd };
    const obs = check(cctx);
    const pass = negated ? !obs.holds : obs.holds;
    const out: AssertionOutcome = { type: spec.type, grade, pass };
    if (!pass) out.reason = obs.why;
    if (obs.score !== undefined) out.score = obs.score;
    return out;
  } catch (e) {
    // Missing template variable, invalid regex or schema that slipped past validation.
    return fail((e as Error).message);
  }
}

export function scoreSample(asserts: AssertionSpec[], ctx: ScoreContext): SampleScore {
  const outcomes = asserts.map((a, i) => scoreAssertion(a, ctx, i));
  const score: SampleScore = {
    hardPass: outcomes.every((o) => o.pass || o.grade !== 'hard'),
    softPass: outcomes.every((o) => o.pass),
    outcomes,
  };
  const errored = outcomes.find((o) => o.errored);
  if (errored) score.error = `${errored.type}: ${errored.reason ?? 'could not be evaluated'}`;
  return score;
}
