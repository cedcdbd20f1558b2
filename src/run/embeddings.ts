// The `similar` assertion: cosine similarity between embeddings of the output and of the
// reference (`value`, templated with the case vars), from the suite provider's OpenAI-compatible
// /embeddings endpoint. Embeddings are cached like responses under their own key namespace
// (kind "embedding"), so a text embedded once - a reference shared by every repeat, an output
// both sides produced - is never requested again.
import { canonicalJson } from '../providers/response-cache.js';
import { sha256 } from '../sha256.js';
import type { CallResult, ChatProvider, ChatRequest } from '../types.js';

export function embeddingKey(endpoint: string, model: string, input: string): string {
  return sha256(canonicalJson({ v: 1, kind: 'embedding', endpoint, model, input }));
}

/**
 * An embedding travels through the call machinery (limiter, retries, cache, spend) as a
 * ChatRequest carrying the text as its one message; this adapter turns it into POST /embeddings.
 */
export function embeddingAdapter(provider: ChatProvider): ChatProvider {
  return {
    endpoint: provider.endpoint,
    complete(req: ChatRequest, signal?: AbortSignal): Promise<CallResult> {
      if (!provider.embed)
        throw new Error(
          `the provider for ${provider.endpoint} cannot compute embeddings (needed by the similar assertion)`,
        );
      return provider.embed({ model: req.model, input: req.messages[0]?.content ?? '' }, signal);
    },
  };
}

export function embeddingCarrier(model: string, input: string): ChatRequest {
  return { model, messages: [{ role: 'user', content: input }] };
}

/** The vector stored in a call result's output; undefined when it is not a numeric array. */
export function parseVector(output: string): number[] | undefined {
  try {
    const v: unknown = JSON.parse(output);
    return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
      ? v
      : undefined;
  } catch {
    return undefined;
  }
}

/** Cosine similarity; 0 when a vector is all zeros or the lengths differ. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
