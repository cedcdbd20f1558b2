// The batches a `run.mode: batch` run has submitted and not yet read back, kept beside the
// response cache (`<cache.dir>/batches.json`) so a cancelled job resumes: the next run with the
// same requests polls the batch already paid for instead of submitting it again. An entry is
// written the moment its batch exists and removed once its answers are in the cache.
// A batch is found by a digest of its endpoint and request keys, and a resumed batch must carry
// that digest in its own metadata, so an entry only ever names a batch of the same requests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../zod.js';
import type { Logger } from '../log.js';

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

const entrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  endpoint: z.string(),
  requests: z.int().check(z.gte(0)),
  at: z.string(),
});
const fileSchema = z.object({ v: z.literal(1), batches: z.record(z.string(), z.unknown()) });

/** What identifies a batch's requests: its endpoint and its sorted request keys. */
export function batchDigest(endpoint: string, keys: readonly string[]): string {
  const h = createHash('sha256').update(`promptgate-batch-v1\n${endpoint}\n`);
  for (const k of [...keys].sort()) h.update(`${k}\n`);
  return h.digest('hex').slice(0, 32);
}

export function parseBatches(text: string, now: number): Map<string, SavedBatch> {
  const out = new Map<string, SavedBatch>();
  if (text.length > MAX_FILE_BYTES) return out;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return out;
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) return out;
  for (const [digest, value] of Object.entries(file.data.batches)) {
    const e = entrySchema.safeParse(value);
    if (e.success && now - Date.parse(e.data.at) <= MAX_AGE_MS) out.set(digest, e.data);
  }
  return out;
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
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, `${JSON.stringify({ v: 1, batches: Object.fromEntries(entries) })}\n`);
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => {});
      log?.warn(`cannot record the batch in ${file} (a cancelled run will not resume it): ${(e as Error).message}`);
    }
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
