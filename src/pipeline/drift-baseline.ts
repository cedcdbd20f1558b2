// The drift baseline on disk: a response-cache directory (the same pack files, validated the
// same way on read) holding the accepted answer of every request the suites make, plus
// `baseline.json` saying where they were accepted. A run reads it through TrackingCache, so
// afterwards the directory can be rewritten with exactly the entries that run used: answers
// to requests no suite makes any more (an edited prompt, a removed case) do not pile up.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaselineInfo } from '../compare/drift-report.js';
import type { Logger } from '../log.js';
import { FsResponseCache, type ResponseCache } from '../providers/response-cache.js';
import type { CallResult } from '../types.js';
import * as z from '../zod.js';

export const BASELINE_META = 'baseline.json';

/** A cache that remembers every entry it served or stored. */
export class TrackingCache implements ResponseCache {
  readonly touched = new Map<string, CallResult>();
  constructor(private readonly inner: ResponseCache) {}

  async get(key: string): Promise<CallResult | undefined> {
    const hit = await this.inner.get(key);
    if (hit) this.touched.set(key, hit);
    return hit;
  }

  async set(key: string, value: CallResult): Promise<void> {
    await this.inner.set(key, value);
    this.touched.set(key, value);
  }
}

const metaSchema = z.object({
  version: z.literal(1),
  sha: z.string(),
  ref: z.string(),
  acceptedAt: z.string(),
  runUrl: z.optional(z.string()),
});

/** Where the baseline was accepted; null when there is none, or (with a warning) when the file is unreadable. */
export async function readBaselineInfo(dir: string, log: Logger): Promise<BaselineInfo | null> {
  const file = join(dir, BASELINE_META);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn(`drift baseline: cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
  let parsed: ReturnType<typeof metaSchema.safeParse>;
  try {
    parsed = metaSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = { success: false } as ReturnType<typeof metaSchema.safeParse>;
  }
  if (!parsed.success) {
    log.warn(`drift baseline: ${file} is not a promptgate baseline description; its answers are still used`);
    return null;
  }
  const { version: _v, ...info } = parsed.data;
  return info;
}

/**
 * Replaces the directory's content with `entries` and `info`: written beside it first, then
 * swapped in, so a crash leaves either the old baseline or the new one (or, between the two
 * renames, none: the next run then records afresh).
 */
export async function rewriteBaseline(
  dir: string,
  entries: Map<string, CallResult>,
  info: BaselineInfo,
): Promise<void> {
  const next = `${dir}.next`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  const cache = new FsResponseCache(next);
  try {
    for (const [key, value] of entries) await cache.set(key, value);
  } finally {
    cache.close();
  }
  await writeBaselineInfo(next, info);
  await rm(dir, { recursive: true, force: true });
  await rename(next, dir);
}

export async function writeBaselineInfo(dir: string, info: BaselineInfo): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, BASELINE_META), `${JSON.stringify({ version: 1, ...info }, null, 2)}\n`);
}
