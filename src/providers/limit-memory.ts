// What `concurrency: auto` learned about each endpoint and model, kept beside the response
// cache (`<cache.dir>/limits.json`) so the next run starts at the provider's limit instead of
// finding it again with a burst of 429s. It is a performance hint and nothing else: on a pull
// request the cache directory may come from an Actions cache the PR could have written, so
// every entry is validated on read, what it may ask for is capped (MAX_START: a poisoned entry
// can start at most that many calls at once, and a low one is probed past within a few round
// trips, limiter.ts), entries expire, and a file that cannot be read or written only costs
// the 429s it would have saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../zod.js';
import type { Logger } from '../log.js';
import type { LearnedLimit } from './limiter.js';
import { readEntries, writeEntries } from './state-file.js';

export const LIMITS_FILE = 'limits.json';
/** The most a remembered limit may start with (8 × the default start). */
export const MAX_START = 256;
/** Larger files are not read at all. */
const MAX_FILE_BYTES = 64 * 1024;
const MAX_ENTRIES = 200;
const MAX_AGE_MS = 7 * 24 * 3600_000;

export interface LimitMemory {
  recall(endpoint: string, model: string): LearnedLimit | undefined;
  /** Adds what this run learned and writes the file; a failure is logged, never thrown. */
  save(learned: readonly { endpoint: string; model: string; learned: LearnedLimit }[]): Promise<void>;
}

// built when a limits file is read (not before a first run has written one)
const buildEntrySchema = () =>
  z.object({
    limit: z.int().check(z.gte(1), z.lte(1_000_000)),
    capped: z.boolean(),
    at: z.string(),
  });
let entrySchema: ReturnType<typeof buildEntrySchema> | undefined;
type Entry = z.infer<ReturnType<typeof buildEntrySchema>>;

const keyOf = (endpoint: string, model: string) => `${endpoint} ${model}`;

/** The valid, unexpired entries of a limits file's text (anything else is ignored). */
export function parseLimits(text: string, now: number): Map<string, Entry> {
  return readEntries(text, { maxBytes: MAX_FILE_BYTES, field: 'limits', maxEntries: MAX_ENTRIES }, (key, value) => {
    const e = (entrySchema ??= buildEntrySchema()).safeParse(value);
    if (!e.success || key.length > 500) return undefined;
    const at = Date.parse(e.data.at);
    return now - at <= MAX_AGE_MS && at - now <= 3600_000 ? e.data : undefined;
  });
}

/** The memory in `dir` (the response cache's directory). */
export function fileLimitMemory(dir: string, log?: Logger, clock: () => number = Date.now): LimitMemory {
  const file = join(dir, LIMITS_FILE);
  const read = () => {
    try {
      return parseLimits(readFileSync(file, 'utf8'), clock());
    } catch {
      return new Map<string, Entry>(); // none yet
    }
  };
  let known: Map<string, Entry> | undefined;
  return {
    recall(endpoint, model) {
      known ??= read();
      const e = known.get(keyOf(endpoint, model));
      return e && { limit: Math.min(e.limit, MAX_START), capped: e.capped };
    },
    async save(learned) {
      if (!learned.length) return;
      // another run may have written since this one started: merge into what is there now
      const entries = read();
      const at = new Date(clock()).toISOString();
      for (const l of learned) entries.set(keyOf(l.endpoint, l.model), { ...l.learned, at });
      const kept = [...entries].sort(([, a], [, b]) => (a.at < b.at ? 1 : -1)).slice(0, MAX_ENTRIES);
      const failed = await writeEntries(dir, file, 'limits', kept);
      if (failed) log?.debug(`cannot remember the learned concurrency in ${file}: ${failed}`);
    },
  };
}
