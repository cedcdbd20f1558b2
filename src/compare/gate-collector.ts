// Collects the gate's reasons with the rule and verdict behind each (report.json `checks`).
import type { GateRule, Verdict } from './report-types.js';

export interface Judgement {
  verdict: Verdict;
  reasons: string[];
  /** The rule and verdict of each reason, in the same order. */
  checks?: Array<{ rule: GateRule; verdict: Verdict }>;
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let w: Verdict = 'pass';
  for (const v of verdicts) if (RANK[v] > RANK[w]) w = v;
  return w;
}

export class Collector {
  private verdict: Verdict = 'pass';
  private readonly reasons: string[] = [];
  private readonly checks: NonNullable<Judgement['checks']> = [];
  add(rule: GateRule, v: Verdict, reason: string): void {
    this.verdict = worst([this.verdict, v]);
    this.reasons.push(reason);
    this.checks.push({ rule, verdict: v });
  }
  result(): Judgement {
    return { verdict: this.verdict, reasons: this.reasons, checks: this.checks };
  }
}
