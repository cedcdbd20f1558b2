// Scores one sample (one model output) against a case's assertions. Pure: no I/O, nothing
// from the repo is executed. Any assertion that cannot be evaluated fails with a reason.
import type { AssertionOutcome, AssertionSpec, CallResult } from '../../types.js';
import { UnevaluableError } from './assertion-type.js';
import { fillValue } from './fill-value.js';
import { lookupType } from './registry.js';
import { parsedToolCalls, type ParsedToolCall } from './tool-call-view.js';
import type { RegexEngine } from '../../safe-regex.js';
import type { SchemaCompiler } from './schema-compiler.js';

/** What a judge or embedding call found for one assertion (src/run/judge-phase.ts); computed before scoring. */
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
  /** Results of judge and embedding calls, by the assertion's index in the list given to scoreSample. */
  external?: ReadonlyMap<number, ExternalObservation>;
  /** Compiles schema values; the run loads one when some assertion has a schema. */
  schemas?: SchemaCompiler;
  /** The linear-time regex engine; the run loads it when some assertion has a pattern. */
  regex?: RegexEngine;
  /** The answer's tool calls, parsed once per sample (parsedToolCalls of `call` when absent). */
  toolCalls?: readonly ParsedToolCall[];
  /** The output parsed as JSON when the request asked for structured output. */
  structured?: unknown;
  /**
   * Assertion values already filled from `vars`, by template: a case's samples share their vars,
   * so the caller may pass one map for all of them (the fill is the same every time).
   */
  filled?: Map<string, string>;
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

export function scoreAssertion(spec: AssertionSpec, ctx: ScoreContext, index = -1): AssertionOutcome {
  return scoreFound(spec, lookupType(spec.type), ctx, ctx.toolCalls ?? parsedToolCalls(ctx.call), index);
}

/** scoreAssertion with the type looked up and the tool calls parsed (once per sample by scoreSample). */
function scoreFound(
  spec: AssertionSpec,
  found: ReturnType<typeof lookupType>,
  ctx: ScoreContext,
  toolCalls: readonly ParsedToolCall[],
  index: number,
): AssertionOutcome {
  const grade = spec.grade ?? 'hard';
  const fail = (reason: string): AssertionOutcome => ({ type: spec.type, grade, pass: false, reason });
  if (!found) return fail(`unknown assertion type "${spec.type}"`);
  const { def, negated } = found;
  // A judge or embedding call decides it; the engine makes it first (src/run/judge-phase.ts)
  // and hands the result in. Scored without it (no engine), it fails and says why.
  if (def.needs) {
    const ext = ctx.external?.get(index);
    if (!ext) return fail(`${def.name} needs a judge or embeddings call, which was not made`);
    if (ext.error !== undefined) return { type: spec.type, grade, pass: false, reason: ext.error, errored: true };
    const pass = negated ? !ext.holds : ext.holds;
    const out: AssertionOutcome = { type: spec.type, grade, pass };
    // The judge's reasoning is kept whether it passed or not; the report shows it on failures.
    out.reason = ext.why;
    if (ext.score !== undefined) out.score = ext.score;
    return out;
  }
  try {
    const value = def.templated && typeof spec.value === 'string' ? filled(spec.value, ctx) : spec.value;
    const obs = def.check({
      output: ctx.call.output,
      value,
      spec,
      vars: ctx.vars,
      call: ctx.call,
      costUsd: ctx.costUsd,
      schemas: ctx.schemas,
      regex: ctx.regex,
      toolCalls,
      structured: ctx.structured,
    });
    const pass = negated ? !obs.holds : obs.holds;
    const out: AssertionOutcome = { type: spec.type, grade, pass };
    if (!pass) out.reason = obs.why;
    if (obs.score !== undefined) out.score = obs.score;
    return out;
  } catch (e) {
    if (e instanceof UnevaluableError) return { type: spec.type, grade, pass: false, reason: e.message, errored: true };
    // Missing template variable, invalid regex or schema that slipped past validation.
    return fail((e as Error).message);
  }
}

/** The template filled from ctx.vars, through ctx.filled when given (a missing variable throws every time). */
function filled(template: string, ctx: ScoreContext): string {
  const known = ctx.filled?.get(template);
  if (known !== undefined) return known;
  const value = fillValue(template, ctx.vars);
  ctx.filled?.set(template, value);
  return value;
}

/** A pairwise judge is no part of a sample's pass (it compares the two sides): left out. */
export function scoreSample(asserts: AssertionSpec[], ctx: ScoreContext): SampleScore {
  const toolCalls = ctx.toolCalls ?? parsedToolCalls(ctx.call);
  const outcomes: AssertionOutcome[] = [];
  let hardPass = true;
  let softPass = true;
  let errored: AssertionOutcome | undefined;
  for (let i = 0; i < asserts.length; i++) {
    const a = asserts[i]!;
    const found = lookupType(a.type);
    if (found?.def.needs === 'pairwise') continue;
    const o = scoreFound(a, found, ctx, toolCalls, i);
    outcomes.push(o);
    if (!o.pass) {
      softPass = false;
      if (o.grade === 'hard') hardPass = false;
    }
    if (o.errored && !errored) errored = o;
  }
  const score: SampleScore = { hardPass, softPass, outcomes };
  if (errored) score.error = `${errored.type}: ${errored.reason ?? 'could not be evaluated'}`;
  return score;
}
