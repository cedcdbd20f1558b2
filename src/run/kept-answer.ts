// The answers a run keeps until its report is built: 100,000 of them in a large run, so each is
// kept small. One object shape for all of them, and their texts and token counts pooled among
// recent answers (the repeats of a case, dispatched and cached one after another, mostly answer
// alike). Used for the answers the model gives (execute-calls.ts) and those read from the cache.
// A long answer of a run that has a spool (files/text-spool.ts) is kept on disk: its `output`
// is an accessor that reads the text back when something asks for it (the scoring, at once, from
// the spool's recent texts; the report, for the one answer it shows of a case's side).
import type { TextSpool } from '../files/text-spool.js';
import type { CallResult, TokenUsage } from '../types.js';

/** Distinct answer texts and token counts remembered at most, and the longest text pooled. */
const POOL_MAX = 4096;
const POOLED_CHARS = 4096;
/** Answers at least this long go to the spool; shorter ones cost less in memory than a read. */
export const SPOOLED_FROM = 1024;
/** Recent spooled texts remembered, so a case's repeats that answer alike share one copy on disk. */
const RECENT_SPOOLED = 64;

/** The spooled text's number, on an answer (and a case side) whose `output` is the spool's accessor. */
const SPOOL_ID = Symbol('spooled answer');
type Spooled = { [SPOOL_ID]: number };

/**
 * One string per distinct answer text and one object per distinct token count among recent
 * calls. A run keeps every answer until its report, and the repeats of a case (dispatched one
 * after another) mostly answer the same text with the same counts at temperature 0: at 100,000
 * samples of 5 repeats that was ~10 MB of copies. Pooled values are only read afterwards.
 */
export class AnswerPool {
  private readonly texts = new Map<string, string>();
  private readonly usages = new Map<number | string, TokenUsage>();
  private readonly spooledIds = new Map<string, number>();
  /** `output` of every spooled answer: one getter and setter, so all of them share one shape. */
  readonly accessor?: PropertyDescriptor;

  constructor(private readonly spool?: TextSpool) {
    if (spool) this.accessor = outputAccessor(spool);
  }

  /** The spool's number for a long text (the same number for a text put recently), or undefined. */
  spooled(t: string): number | undefined {
    if (!this.spool || t.length < SPOOLED_FROM) return undefined;
    // one look-up: a long key is hashed whole
    let id = this.spooledIds.get(t);
    if (id === undefined) {
      if (this.spooledIds.size >= RECENT_SPOOLED) this.spooledIds.clear();
      id = this.spool.put(t);
      this.spooledIds.set(t, id);
    }
    return id;
  }

  text(t: string): string {
    if (t.length > POOLED_CHARS) return t;
    return pooled(this.texts, t, t);
  }

  usage(u: TokenUsage | undefined): TokenUsage | undefined {
    return u && pooled(this.usages, usageKey(u), u);
  }
}

/** The three counts as one number while each is under 2^17 (a string per answer otherwise). */
function usageKey(u: TokenUsage): number | string {
  const w = 131072;
  return u.input < w && u.output < w && u.cached < w
    ? (u.input * w + u.output) * w + u.cached
    : `${u.input} ${u.output} ${u.cached}`;
}

function pooled<K, T>(pool: Map<K, T>, key: K, value: T): T {
  const seen = pool.get(key);
  if (seen !== undefined) return seen;
  if (pool.size >= POOL_MAX) pool.clear();
  pool.set(key, value);
  return value;
}

function outputAccessor(spool: TextSpool): PropertyDescriptor {
  return {
    get(this: Spooled): string {
      return spool.get(this[SPOOL_ID]);
    },
    // a text replaced (redaction) is kept in the object from then on
    set(this: object, value: string) {
      Object.defineProperty(this, 'output', { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  };
}

/**
 * The answer as a run keeps it until its report: every field in place in one literal, so all
 * answers share one shape with no out-of-object property array (the provider's result, built
 * field by field and copied without its pacing hints, carried one: ~40 bytes of 100,000), its
 * text and token counts pooled.
 */
export function kept(r: CallResult, pool: AnswerPool): CallResult {
  const id = pool.spooled(r.output);
  // every field named (a field added to CallResult fails to compile here until it is kept)
  const all: { [K in keyof Required<CallResult>]: CallResult[K] } = {
    output: id === undefined ? pool.text(r.output) : '',
    toolCalls: r.toolCalls,
    usage: pool.usage(r.usage),
    latencyMs: r.latencyMs,
    model: r.model,
    systemFingerprint: r.systemFingerprint,
    finishReason: r.finishReason,
  };
  return id === undefined ? all : spooledAnswer(all, pool.accessor!, id);
}

/** The answer with its text in the spool: the same fields in the same order (JSON, the cache entry), `output` read when asked for. */
function spooledAnswer(all: CallResult, accessor: PropertyDescriptor, id: number): CallResult {
  const o = {} as Record<string, unknown> & Spooled;
  Object.defineProperty(o, 'output', accessor);
  for (const [k, v] of Object.entries(all)) if (k !== 'output') o[k] = v;
  o[SPOOL_ID] = id;
  return o as unknown as CallResult;
}

/**
 * `{ ...head, output, ...rest }` with `output` the call's answer (`fallback` without a call). A
 * spooled answer's accessor is shared, so a report keeps a case side's text on disk too, read
 * each time a renderer or a writer asks for it.
 */
export function withOutput<T>(head: object, call: CallResult | undefined, fallback: string, rest: object): T {
  const accessor = call && Object.getOwnPropertyDescriptor(call, 'output');
  if (!accessor?.get) return { ...head, output: call ? call.output : fallback, ...rest } as T;
  const o = { ...head } as Spooled;
  Object.defineProperty(o, 'output', accessor);
  Object.assign(o, rest);
  o[SPOOL_ID] = (call as CallResult & Spooled)[SPOOL_ID];
  return o as T;
}
