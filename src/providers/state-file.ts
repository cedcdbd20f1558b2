// The small JSON files a run keeps beside the response cache (limits.json, batches.json):
// `{ "v": 1, "<field>": { key: entry } }`, read defensively (any part that is not valid is
// ignored: the files are hints, and a PR may have written one) and replaced atomically.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';

/** The valid entries of such a file's text; an oversized, unparsable or other-version file has none. */
export function readEntries<T>(
  text: string,
  opts: { maxBytes: number; field: string; maxEntries?: number },
  valid: (key: string, value: unknown) => T | undefined,
): Map<string, T> {
  const out = new Map<string, T>();
  if (text.length > opts.maxBytes) return out;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return out;
  }
  const file = json as Record<string, unknown> | null;
  const entries = file?.[opts.field];
  if (!file || typeof file !== 'object' || file.v !== 1 || !entries || typeof entries !== 'object') return out;
  for (const [key, value] of Object.entries(entries)) {
    const e = valid(key, value);
    if (e !== undefined) out.set(key, e);
    if (opts.maxEntries !== undefined && out.size >= opts.maxEntries) break;
  }
  return out;
}

/** Writes `{ v: 1, [field]: entries }` to `file` by a rename; resolves to why it failed, if it did. */
export async function writeEntries(
  dir: string,
  file: string,
  field: string,
  entries: Iterable<[string, unknown]>,
): Promise<string | undefined> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, `${JSON.stringify({ v: 1, [field]: Object.fromEntries(entries) })}\n`);
    await rename(tmp, file);
    return undefined;
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    return (e as Error).message;
  }
}
