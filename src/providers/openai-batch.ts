// The OpenAI Batch API through the `openai` package (`run.mode: batch`): the requests go up as
// one JSONL file (Files API, purpose "batch"), a batch is created over it (Batches API, 24 h
// window), polled by the caller (run/batch-calls.ts), and its output and error files are read
// back into the same CallResults a live call yields (chatResult), keyed by custom_id.
import type OpenAI from 'openai';
import { toFile } from 'openai';
import type { BatchApi, BatchRequest, BatchState, BatchStatus, CallResult } from '../types.js';
import { type ProviderError } from './provider-error.js';

export interface BatchDeps {
  client: OpenAI;
  endpoint: string;
  /** The request body a live call would send. */
  body: (req: BatchRequest['request']) => Record<string, unknown>;
  /** A chat completion body as a CallResult (throws ProviderError for a malformed one). */
  parse: (body: unknown) => CallResult;
  /** Any failure of the Files or Batches API as this provider reports errors (redacted). */
  fail: (e: unknown) => ProviderError;
}

const STATES: Record<OpenAI.Batch['status'], BatchState> = {
  validating: 'running',
  in_progress: 'running',
  finalizing: 'running',
  cancelling: 'running',
  completed: 'completed',
  failed: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
};

/** The JSONL text of a batch's input file. */
export function batchInput(requests: readonly BatchRequest[], body: BatchDeps['body']): string {
  let text = '';
  for (const r of requests) {
    text += `${JSON.stringify({ custom_id: r.id, method: 'POST', url: '/v1/chat/completions', body: body(r.request) })}\n`;
  }
  return text;
}

export function openAIBatch(deps: BatchDeps): BatchApi {
  const { client, fail } = deps;
  const guard = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw fail(e);
    }
  };
  return {
    submit: (requests, metadata) =>
      guard(async () => {
        const file = await client.files.create({
          file: await toFile(Buffer.from(batchInput(requests, deps.body)), 'promptgate-batch.jsonl'),
          purpose: 'batch',
        });
        const batch = await client.batches.create({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          metadata,
        });
        return batch.id;
      }),
    status: (id) => guard(async () => statusOf(await client.batches.retrieve(id))),
    results: (id) =>
      guard(async () => {
        const batch = await client.batches.retrieve(id);
        const out = new Map<string, CallResult | { error: string }>();
        // the error file first: a request in both (never seen) keeps its answer
        for (const fileId of [batch.error_file_id, batch.output_file_id]) {
          if (!fileId) continue;
          const text = await (await client.files.content(fileId)).text();
          for (const line of text.split('\n')) if (line.trim()) readLine(line, deps, out);
        }
        return out;
      }),
  };
}

function statusOf(b: OpenAI.Batch): BatchStatus & { metadata: Record<string, string> } {
  const counts = b.request_counts;
  const status: BatchStatus & { metadata: Record<string, string> } = {
    id: b.id,
    state: STATES[b.status] ?? 'running',
    status: String(b.status),
    completed: counts?.completed ?? 0,
    failed: counts?.failed ?? 0,
    total: counts?.total ?? 0,
    metadata: (b.metadata ?? {}) as Record<string, string>,
  };
  const why = b.errors?.data?.map((e) => e.message ?? e.code).filter(Boolean);
  if (why?.length) status.message = why.slice(0, 3).join('; ');
  return status;
}

/** One line of an output or error file; a line that is not ours or not readable is skipped. */
function readLine(line: string, deps: BatchDeps, out: Map<string, CallResult | { error: string }>): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted file, probed field by field
  let d: any;
  try {
    d = JSON.parse(line);
  } catch {
    return;
  }
  if (!d || typeof d !== 'object' || typeof d.custom_id !== 'string') return;
  const status = d.response?.status_code;
  const body = d.response?.body;
  if (status === 200 && body && typeof body === 'object') {
    try {
      out.set(d.custom_id, deps.parse(body));
    } catch (e) {
      out.set(d.custom_id, { error: (e as Error).message });
    }
    return;
  }
  const message = body?.error?.message ?? d.error?.message ?? d.error?.code ?? 'no answer';
  out.set(d.custom_id, {
    error: `${deps.endpoint} batch request failed${typeof status === 'number' ? ` (HTTP ${status})` : ''}: ${String(message).slice(0, 500)}`,
  });
}
