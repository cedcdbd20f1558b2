// Prices both sides of a comparison with one table and one timestamp, so a price change between
// the base and head runs can never show up as a cost regression. The one Pricer and the one
// token estimate: the spend cap (run/), max-tokens (suites/) and the report's totals
// (compare/) all use these.
import type { calcPrice } from '@pydantic/genai-prices';
import type { TokenUsage } from '../types.js';

/** A `pricing.overrides` entry of promptgate.yml: USD per million tokens. */
export interface PriceOverride {
  model: string;
  input_per_mtok: number;
  output_per_mtok: number;
  cached_input_per_mtok?: number;
  /** The Batch API's rates (`run.mode: batch`); cached input is billed at the batch input rate. */
  batch_input_per_mtok?: number;
  batch_output_per_mtok?: number;
}

export interface PriceResult {
  usd: number;
  /** True when tokens were estimated from characters or the model has no known price. */
  estimated: boolean;
}

export interface Pricer {
  /**
   * Cost of one call. Without `usage`, tokens are estimated as ⌈chars / 4⌉ from the output
   * (and the rendered input, when given) and the result is marked estimated. An unknown model
   * costs 0 and is marked estimated.
   */
  price(model: string, usage: TokenUsage | undefined, outputChars?: number, inputChars?: number): PriceResult;
  /** Where the prices came from, for the report. */
  readonly source: string;
  /** The single timestamp every price is taken at (ISO 8601). */
  readonly at: string;
}

const PER_MILLION = 1_000_000;

/** Rough token count for text without `usage`: about four characters per token for English. */
export function estimateTokens(chars: number): number {
  return Math.ceil(Math.max(0, chars) / 4);
}

/** genai-prices' lookup; ~0.5 MB of price data, so it is loaded only when a model needs it. */
export type PriceCatalogue = typeof calcPrice;

/**
 * A pricer for a run: genai-prices is imported only when some model of the run has no
 * `pricing.overrides` entry (a self-hosted or custom model priced in the config needs none).
 */
export async function loadPricer(
  overrides: readonly PriceOverride[],
  at: Date,
  models: Iterable<string>,
  mode: 'live' | 'batch' = 'live',
): Promise<Pricer> {
  const priced = new Set(overrides.map((o) => o.model));
  const needsCatalogue = [...models].some((m) => !priced.has(m));
  const catalogue = needsCatalogue ? (await import('@pydantic/genai-prices')).calcPrice : undefined;
  return createPricer(overrides, at, catalogue, mode);
}

/**
 * The rates a batch run is billed at: an override's batch rates where it has them (the bundled
 * genai-prices table has none). Every answer of the run is priced alike, the cached ones too,
 * so base and head stay priced by one table.
 */
function batchRates(o: PriceOverride): PriceOverride {
  if (o.batch_input_per_mtok === undefined && o.batch_output_per_mtok === undefined) return o;
  const input = o.batch_input_per_mtok ?? o.input_per_mtok;
  return { model: o.model, input_per_mtok: input, output_per_mtok: o.batch_output_per_mtok ?? o.output_per_mtok };
}

export function createPricer(
  overrides: readonly PriceOverride[],
  at: Date,
  catalogue?: PriceCatalogue,
  mode: 'live' | 'batch' = 'live',
): Pricer {
  const byModel = new Map(overrides.map((o) => [o.model, mode === 'batch' ? batchRates(o) : o]));
  const batchPriced = mode === 'batch' && overrides.some((o) => byModel.get(o.model) !== o);
  const memo = new Map<string, ((u: TokenUsage) => number) | null>();

  const rateFor = (model: string): ((u: TokenUsage) => number) | null => {
    if (memo.has(model)) return memo.get(model)!;
    let rate: ((u: TokenUsage) => number) | null = null;
    const o = byModel.get(model);
    if (o) {
      const cachedRate = o.cached_input_per_mtok ?? o.input_per_mtok;
      rate = (u) =>
        (Math.max(0, u.input - u.cached) * o.input_per_mtok + u.cached * cachedRate + u.output * o.output_per_mtok) /
        PER_MILLION;
    } else if (catalogue) {
      const found = lookup(catalogue, model, { input: 1, output: 0, cached: 0 }, at);
      // one look-up per model: flat rates are read once, tiered ones go through the table each time
      if (found) rate = linearRate(found.model_price) ?? ((u) => lookup(catalogue, model, u, at)?.total_price ?? 0);
    }
    memo.set(model, rate);
    return rate;
  };

  return {
    source:
      [
        catalogue ? '@pydantic/genai-prices (bundled data)' : '',
        overrides.length ? `${overrides.length} override${overrides.length > 1 ? 's' : ''} from pricing.overrides` : '',
        mode === 'batch' ? (batchPriced ? 'batch rates where given' : 'batch run at standard rates') : '',
      ]
        .filter(Boolean)
        .join(' + ') || 'no prices',
    at: at.toISOString(),
    price(model, usage, outputChars = 0, inputChars = 0) {
      const rate = rateFor(model);
      const tokens = usage ?? { input: estimateTokens(inputChars), output: estimateTokens(outputChars), cached: 0 };
      if (!rate) return { usd: 0, estimated: true };
      return { usd: rate(tokens), estimated: usage === undefined };
    },
  };
}

/**
 * genai-prices lookup: the OpenAI catalogue first (our calls go through an OpenAI-compatible
 * API), then its own model matching, then "provider/model" names as routers spell them.
 */
function lookup(calcPrice: PriceCatalogue, model: string, u: TokenUsage, at: Date) {
  const usage = { input_tokens: u.input, cache_read_tokens: Math.min(u.cached, u.input), output_tokens: u.output };
  const attempts: Array<[string, { providerId?: string; timestamp: Date }]> = [
    [model, { providerId: 'openai', timestamp: at }],
    [model, { timestamp: at }],
  ];
  const slash = model.indexOf('/');
  if (slash > 0) attempts.push([model.slice(slash + 1), { providerId: model.slice(0, slash), timestamp: at }]);
  for (const [id, opts] of attempts) {
    try {
      const r = calcPrice(usage, id, opts);
      if (r) return r;
    } catch {
      // An unknown provider id throws; try the next way of naming the model.
    }
  }
  return null;
}

/** The keys a chat call's usage is priced by (genai-prices' names, USD per million tokens). */
const FLAT_KEYS = new Set(['input_mtok', 'cache_read_mtok', 'output_mtok']);
/** Prices of tool usage promptgate never reports: they add nothing to a call. */
const UNUSED_KEYS = new Set([
  'web_searches_kcount',
  'storage_searches_kcount',
  'code_executions_kcount',
  'rerank_searches_kcount',
  'social_searches_kcount',
]);

/**
 * A model's price as one formula when it is flat: only input, cached-input and output rates,
 * each a plain number (no tiers, no per-request charge). Computing it per call is then the
 * same arithmetic genai-prices does, without its model matching (~17 µs a call).
 */
export function linearRate(price: Record<string, unknown>): ((u: TokenUsage) => number) | undefined {
  for (const [k, v] of Object.entries(price)) {
    if (v === undefined || UNUSED_KEYS.has(k)) continue;
    if (!FLAT_KEYS.has(k) || typeof v !== 'number') return undefined;
  }
  const input = (price.input_mtok as number | undefined) ?? 0;
  const cached = (price.cache_read_mtok as number | undefined) ?? input;
  const output = (price.output_mtok as number | undefined) ?? 0;
  return (u) => {
    const c = Math.min(u.cached, u.input);
    return ((u.input - c) * input + c * cached + u.output * output) / PER_MILLION;
  };
}
