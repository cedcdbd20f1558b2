// The spend cap (run.max_cost_usd): checked against an estimate before the first call and
// against what was actually spent while calling.
import { estimateTokens, type Pricer } from '../providers/pricing.js';
import type { CallResult } from '../types.js';

export class SpendBudget {
  spent = 0;
  constructor(
    readonly capUsd: number,
    private readonly pricer: Pricer,
  ) {}

  canSpend(): boolean {
    return this.spent < this.capUsd;
  }

  record(model: string, result: CallResult): void {
    this.spent += this.pricer.price(model, result.usage, result.output.length).usd;
  }

  /** An answer refused for its size: priced from its length, as output the provider billed. */
  recordChars(model: string, chars: number): void {
    this.spent += this.pricer.price(model, undefined, chars).usd;
  }

  exhaustedMessage(): string {
    return `spend cap reached: $${this.spent.toFixed(4)} spent of run.max_cost_usd = $${this.capUsd}; raise run.max_cost_usd in promptgate.yml or run fewer suites/repeats`;
  }
}

/**
 * Upper-bound estimate for calls not in the cache: input tokens from the rendered prompt
 * (estimateTokens) and output at max_tokens, since the real length is unknown.
 */
interface EstimatedCall {
  request: { model: string; max_tokens?: number; messages: { content: string }[] };
}

export function estimateCost(pricer: Pricer, calls: Iterable<EstimatedCall>): number {
  let usd = 0;
  // the repeats of a case share one request object, planned one after another: priced once
  let last: EstimatedCall['request'] | undefined;
  let lastUsd = 0;
  for (const c of calls) {
    if (c.request !== last) {
      let chars = 0;
      for (const m of c.request.messages) chars += m.content.length;
      const input = estimateTokens(chars);
      const output = c.request.max_tokens ?? 512;
      last = c.request;
      lastUsd = pricer.price(c.request.model, { input, output, cached: 0 }).usd;
    }
    usd += lastUsd;
  }
  return usd;
}
