// The batches a `run.mode: batch` run has submitted and not yet read back, kept beside the
// response cache (`<cache.dir>/batches.json`) so a cancelled job resumes: the next run with the
// same requests polls the batch already paid for instead of submitting it again. An entry is
// written the moment its batch exists and removed once its answers are in the cache.
// A batch is found by a digest of its endpoint and request keys, and a resumed batch must carry
// that digest in its own metadata, so an entry only ever names a batch of the same requests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../zod.js';
import type { Logger } from '../log.js';
import { readEntries, writeEntries } from './state-file.js';

export const BATCHES_FILE = 'batches.json';
const MAX_FILE_BYTES = 256 * 1024;
/** The provider drops a batch after its 24 h window; an older entry names nothing to resume. */
const MAX_AGE_MS = 48 * 3600_000;

export interface SavedBatch {
  id: string;
  endpoint: string;
  requests: number;
  at: string;
}

export interface BatchStore {
  get(digest: string): SavedBatch | undefined;
  /** Written at once (a failure is logged: the batch then cannot be resumed, nothing else). */
  put(digest: string, batch: SavedBatch): Promise<void>;
  delete(digest: string): Promise<void>;
}

// built when a batches file is read (batch mode only)
const buildEntrySchema = () =>
  z.object({
    id: z.string().check(z.minLength(1)),
    endpoint: z.string(),
    requests: z.int().check(z.gte(0)),
    at: z.string(),
  });
let entrySchema: ReturnType<typeof buildEntrySchema> | undefined;

/** What identifies a batch's requests: its endpoint and its sorted request keys. */
export function batchDigest(endpoint: string, keys: readonly string[]): string {
  const h = createHash('sha256').update(`promptgate-batch-v1\n${endpoint}\n`);
  for (const k of [...keys].sort()) h.update(`${k}\n`);
  return h.digest('hex').slice(0, 32);
}

export function parseBatches(text: string, now: number): Map<string, SavedBatch> {
  return readEntries(text, { maxBytes: MAX_FILE_BYTES, field: 'batches' }, (_digest, value) => {
    const e = (entrySchema ??= buildEntrySchema()).safeParse(value);
    return e.success && now - Date.parse(e.data.at) <= MAX_AGE_MS ? e.data : undefined;
  });
}

export function fileBatchStore(dir: string, log?: Logger, clock: () => number = Date.now): BatchStore {
  const file = join(dir, BATCHES_FILE);
  const read = () => {
    try {
      return parseBatches(readFileSync(file, 'utf8'), clock());
    } catch {
      return new Map<string, SavedBatch>();
    }
  };
  const write = async (entries: Map<string, SavedBatch>) => {
    const failed = await writeEntries(dir, file, 'batches', entries);
    if (failed) log?.warn(`cannot record the batch in ${file} (a cancelled run will not resume it): ${failed}`);
  };
  return {
    get: (digest) => read().get(digest),
    async put(digest, batch) {
      const entries = read();
      entries.set(digest, batch);
      await write(entries);
    },
    async delete(digest) {
      const entries = read();
      if (entries.delete(digest)) await write(entries);
    },
  };
}
