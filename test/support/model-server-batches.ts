// The loopback model server's Files and Batches API (OpenAI's shapes, as the `openai` package
// sends and reads them): POST /v1/files (multipart, purpose "batch"), GET /v1/files/:id/content,
// POST /v1/batches, GET /v1/batches/:id, POST /v1/batches/:id/cancel. A batch stays
// in_progress for `pollsUntilDone` retrieves (or while `hold` is set), then every line is
// answered at once through the server's own chat logic into an output and an error file.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatBody } from './model-server.js';

export interface BatchServerOptions {
  /** Retrieves a batch answers in_progress before it completes. Default 1. */
  pollsUntilDone?: number;
  /** While true, batches stay in_progress however often they are polled (a job that gets cancelled). */
  hold?: boolean;
  /** The batch fails validation with this message instead of running. */
  failWith?: string;
}

export interface BatchServerStats {
  filesUploaded: number;
  batchesCreated: number;
  polls: number;
  /** The lines of every input file uploaded. */
  lines: number;
}

interface StoredBatch {
  id: string;
  input_file_id: string;
  endpoint: string;
  metadata: Record<string, string> | null;
  status: string;
  polls: number;
  output_file_id: string | null;
  error_file_id: string | null;
  counts: { total: number; completed: number; failed: number };
  errors: { data: { code: string; message: string }[] } | null;
}

export interface BatchRouteDeps {
  options: () => { batch?: BatchServerOptions };
  /** One request answered as a live call would be. */
  answer: (body: ChatBody, headers: IncomingMessage['headers']) => { status: number; body: unknown };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const notFound = (res: ServerResponse, what: string) =>
  json(res, 404, { error: { message: `No such ${what}`, type: 'invalid_request_error', code: null } });

/** The parts of a multipart/form-data body by name (enough for the SDK's upload). */
function multipart(req: IncomingMessage, raw: Buffer): Map<string, { filename?: string; data: Buffer }> {
  const parts = new Map<string, { filename?: string; data: Buffer }>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
  if (!boundary) return parts;
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = raw.indexOf(sep);
  while (at >= 0) {
    const next = raw.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = raw.subarray(at + sep.length + 2, next - 2); // past CRLF, before CRLF
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name !== undefined)
      parts.set(name, { filename: /filename="([^"]*)"/.exec(head)?.[1], data: part.subarray(headEnd + 4) });
    at = next;
  }
  return parts;
}

export function batchRoutes(deps: BatchRouteDeps) {
  const files = new Map<string, { filename: string; purpose: string; data: Buffer }>();
  const batches = new Map<string, StoredBatch>();
  const stats: BatchServerStats = { filesUploaded: 0, batchesCreated: 0, polls: 0, lines: 0 };
  const opts = () => deps.options().batch ?? {};

  const view = (b: StoredBatch) => ({
    id: b.id,
    object: 'batch',
    endpoint: b.endpoint,
    errors: b.errors,
    input_file_id: b.input_file_id,
    completion_window: '24h',
    status: b.status,
    output_file_id: b.output_file_id,
    error_file_id: b.error_file_id,
    created_at: 1_700_000_000,
    request_counts: b.counts,
    metadata: b.metadata,
  });

  /** Answers every line of the batch's input file. */
  const run = (b: StoredBatch, headers: IncomingMessage['headers']) => {
    const out: string[] = [];
    const errs: string[] = [];
    const lines = files.get(b.input_file_id)!.data.toString('utf8').split('\n').filter(Boolean);
    for (const [n, line] of lines.entries()) {
      const item = JSON.parse(line) as { custom_id: string; body: ChatBody };
      const { status, body } = deps.answer(item.body, headers);
      const entry = JSON.stringify({
        id: `batch_req_${n}`,
        custom_id: item.custom_id,
        response: { status_code: status, request_id: `req_${n}`, body },
        error: null,
      });
      (status === 200 ? out : errs).push(entry);
    }
    const save = (entries: string[]) => {
      if (!entries.length) return null;
      const id = `file-${files.size + 1}`;
      files.set(id, {
        filename: `${b.id}_output.jsonl`,
        purpose: 'batch_output',
        data: Buffer.from(`${entries.join('\n')}\n`),
      });
      return id;
    };
    b.output_file_id = save(out);
    b.error_file_id = save(errs);
    b.counts = { total: lines.length, completed: out.length, failed: errs.length };
    b.status = 'completed';
  };

  const retrieve = (req: IncomingMessage, res: ServerResponse, b: StoredBatch) => {
    stats.polls++;
    if (b.status === 'in_progress' && !opts().hold && ++b.polls > (opts().pollsUntilDone ?? 1)) run(b, req.headers);
    json(res, 200, view(b));
  };

  const create = (res: ServerResponse, raw: Buffer) => {
    const body = JSON.parse(raw.toString('utf8')) as Partial<StoredBatch> & { completion_window?: string };
    const file = body.input_file_id ? files.get(body.input_file_id) : undefined;
    if (!file || file.purpose !== 'batch') return notFound(res, `file ${body.input_file_id}`);
    if (body.endpoint !== '/v1/chat/completions' || body.completion_window !== '24h') {
      return json(res, 400, { error: { message: 'unsupported endpoint or window', type: 'invalid_request_error' } });
    }
    stats.batchesCreated++;
    const total = file.data.toString('utf8').split('\n').filter(Boolean).length;
    const failWith = opts().failWith;
    const b: StoredBatch = {
      id: `batch_${batches.size + 1}`,
      input_file_id: body.input_file_id!,
      endpoint: body.endpoint,
      metadata: body.metadata ?? null,
      status: failWith ? 'failed' : 'in_progress',
      polls: 0,
      output_file_id: null,
      error_file_id: null,
      counts: { total, completed: 0, failed: 0 },
      errors: failWith ? { data: [{ code: 'invalid_request', message: failWith }] } : null,
    };
    batches.set(b.id, b);
    json(res, 200, view(b));
  };

  const upload = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const parts = multipart(req, raw);
    const file = parts.get('file');
    const purpose = parts.get('purpose')?.data.toString('utf8') ?? '';
    if (!file) return json(res, 400, { error: { message: 'no file part', type: 'invalid_request_error' } });
    const id = `file-${files.size + 1}`;
    files.set(id, { filename: file.filename ?? 'upload', purpose, data: file.data });
    stats.filesUploaded++;
    stats.lines += file.data.toString('utf8').split('\n').filter(Boolean).length;
    json(res, 200, {
      id,
      object: 'file',
      bytes: file.data.length,
      created_at: 1_700_000_000,
      filename: file.filename,
      purpose,
      status: 'processed',
    });
  };

  return {
    stats,
    handles: (path: string) => path === '/v1/files' || path === '/v1/batches' || /^\/v1\/(files|batches)\//.test(path),
    handle(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer) {
      const m = /^\/v1\/(files|batches)(?:\/([^/]+))?(?:\/(content|cancel))?$/.exec(path);
      const [, kind, id, action] = m ?? [];
      if (req.method === 'POST' && path === '/v1/files') return upload(req, res, raw);
      if (req.method === 'POST' && path === '/v1/batches') return create(res, raw);
      if (kind === 'files' && id && action === 'content' && req.method === 'GET') {
        const f = files.get(id);
        if (!f) return notFound(res, `file ${id}`);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(f.data);
      }
      const b = kind === 'batches' && id ? batches.get(id) : undefined;
      if (b && req.method === 'GET' && !action) return retrieve(req, res, b);
      if (b && req.method === 'POST' && action === 'cancel') {
        b.status = 'cancelled';
        return json(res, 200, view(b));
      }
      return notFound(res, path);
    },
  };
}
