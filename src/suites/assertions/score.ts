// Scores one sample (one model output) against a case's assertions. Pure: no I/O, nothing
// from the repo is executed. Any assertion that cannot be evaluated fails with a reason.
import type { AssertionSpec } from '../../config/schema.js';
import type { AssertionOutcome, CallResult } from '../../types.js';
import { CHECKS, NOT_SUPPORTED_YET, type CheckContext } from './checks.js';
import { fillValue } from './fill-value.js';
import { baseType } from './validate.js';

export interface ScoreContext {
  vars: Record<string, unknown>;
  call: CallResult;
  costUsd?: number;
}

export interface SampleScore {
  /** All hard assertions hold. */
  hardPass: boolean;
  /** All assertions hold (hard and soft). */
  softPass: boolean;
  outcomes: AssertionOutcome[];
}

// Types whose string `value` is a template over the case's vars (schemas and limits are not).
const TEMPLATED = new Set(['equals', 'contains', 'icontains', 'regex', 'starts-with', 'ends-with', 'levenshtein', 'rouge-l']);

export function scoreAssertion(spec: AssertionSpec, ctx: ScoreContext): AssertionOutcome {
  const grade = spec.grade ?? 'hard';
  const { base, negated } = baseType(spec.type);
  const fail = (reason: string): AssertionOutcome => ({ type: spec.type, grade, pass: false, reason });
  if (NOT_SUPPORTED_YET.has(base)) return fail(`${base} is not supported yet`);
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
  const outcomes = asserts.map((a) => scoreAssertion(a, ctx));
  return {
    hardPass: outcomes.every((o) => o.pass || o.grade !== 'hard'),
    softPass: outcomes.every((o) => o.pass),
    outcomes,
  };
}
