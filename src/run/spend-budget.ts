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
export function estimateCost(
  pricer: Pricer,
  calls: Iterable<{ request: { model: string; max_tokens?: number; messages: { content: string }[] } }>,
): number {
  let usd = 0;
  for (const c of calls) {
    let chars = 0;
    for (const m of c.request.messages) chars += m.content.length;
    const input = estimateTokens(chars);
    const output = c.request.max_tokens ?? 512;
    usd += pricer.price(c.request.model, { input, output, cached: 0 }).usd;
  }
  return usd;
}
