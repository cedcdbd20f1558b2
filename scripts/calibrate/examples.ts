// Three small suites, shown rather than counted: what the gate says about them (its reasons).
import type { SimCase } from '../../test/support/sim-model.js';
import { judgeSim } from '../../test/support/sim-gate.js';
import { GATE } from './limits.js';

const sideOf = (passes: number) => ({ passes, runs: 1, costs: [0.001], latencies: [500] });

/** n cases at k = 1; the first `regressed` pass on base and fail on head, the rest are unchanged passes. */
function suite(n: number, regressed: number): SimCase[] {
  return Array.from({ length: n }, (_, i) => ({ base: sideOf(1), head: sideOf(i < regressed ? 0 : 1) }));
}

const gate = { ...GATE, min_pass_rate: { hard: 0, soft: 0 } };

export function examples(): string[] {
  const show = (title: string, cases: SimCase[]) => {
    const s = judgeSim(cases, gate, { rep: cases.length });
    const why = s.reasons.filter((_, i) => s.checks?.[i]?.verdict !== 'pass' || s.checks?.[i]?.rule === 'pass-rate');
    return `- ${title}: ${s.verdict}. ${why.map((r) => `"${r}"`).join(' ')}`;
  };
  return [
    show('20 cases, k = 1, 3 regress (Δ = −15 pp)', suite(20, 3)),
    show('50 cases, nothing noisy, nothing changed (MDE no longer 0)', suite(50, 0)) +
      ` MDE ${(judgeSim(suite(50, 0), gate, { rep: 1 }).delta!.mde! * 100).toFixed(1)} pp.`,
    show('3 cases, all regress (Δ = −100 pp)', suite(3, 3)),
  ];
}
