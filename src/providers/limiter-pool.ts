// The run's limiters: `concurrency: N` is one gate for every call; `auto` learns each endpoint
// and model apart (a provider limits each model on its own), starting where the last run
// against it left off (limit-memory.ts) and remembering what this run found.
import type { Logger } from '../log.js';
import { LIMITS_FILE, type LimitMemory } from './limit-memory.js';
import { createLimiter, learnedLimit, type Limiter, type LimiterOptions } from './limiter.js';

export interface Limiters {
  /** The limiter for calls of `model` at `endpoint` (host + path). */
  for(endpoint: string, model: string): Limiter;
  /** All limits together: how many calls may be in flight at most right now. */
  readonly limit: number;
  /** 429s reported to any of them. */
  readonly rateLimited: number;
  /** Remembers what the auto limiters learned (nothing without a memory, or with a fixed concurrency). */
  save(): Promise<void>;
}

export interface LimitersOptions extends Omit<LimiterOptions, 'learned'> {
  memory?: LimitMemory;
  /** Says (debug) where an auto limiter starts when an earlier run taught it. */
  log?: Logger;
}

export function createLimiters(concurrency: number | 'auto', opts: LimitersOptions = {}): Limiters {
  if (concurrency !== 'auto') return singleLimiter(createLimiter(concurrency, opts));
  const byKey = new Map<string, { endpoint: string; model: string; limiter: Limiter }>();
  const all = () => [...byKey.values()];
  // asked once per call, mostly for the same endpoint and model: found without a key string
  let last: { endpoint: string; model: string; limiter: Limiter } | undefined;
  return {
    for(endpoint, model) {
      if (last?.endpoint === endpoint && last.model === model) return last.limiter;
      const key = `${endpoint} ${model}`;
      let e = byKey.get(key);
      if (!e) {
        const learned = opts.memory?.recall(endpoint, model);
        if (learned) {
          const what = learned.capped ? 'the limit an earlier run found' : 'where an earlier run got to';
          opts.log?.debug(
            `concurrency auto: ${model} at ${endpoint} starts at ${learned.limit}, ${what} (${LIMITS_FILE})`,
          );
        }
        e = { endpoint, model, limiter: createLimiter('auto', { ...opts, learned }) };
        byKey.set(key, e);
      }
      last = e;
      return e.limiter;
    },
    // read per call started and finished: summed without building a list
    get limit() {
      let n = 0;
      for (const e of byKey.values()) n += e.limiter.limit;
      return n || 32;
    },
    get rateLimited() {
      let n = 0;
      for (const e of byKey.values()) n += e.limiter.rateLimited;
      return n;
    },
    async save() {
      const learned = all().flatMap((e) => {
        const l = learnedLimit(e.limiter);
        return l ? [{ endpoint: e.endpoint, model: e.model, learned: l }] : [];
      });
      await opts.memory?.save(learned);
    },
  };
}

/** One limiter for every call (a fixed concurrency, or a caller's own limiter). */
export function singleLimiter(limiter: Limiter): Limiters {
  return {
    for: () => limiter,
    get limit() {
      return limiter.limit;
    },
    get rateLimited() {
      return limiter.rateLimited;
    },
    save: async () => {},
  };
}
