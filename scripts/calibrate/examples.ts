// Two small suites, shown rather than counted: what main and the new rules say about them.
import type { SimCase } from '../../test/support/sim-model.js';
import { adviceFor } from '../../test/support/sim-rules.js';
import { beforeGate } from './before.js';
import { GATE } from './limits.js';
import { TARGET } from './power.js';

const sideOf = (passes: number) => ({ passes, runs: 1, costs: [0.001], latencies: [500] });

/** n cases at k = 1; the first `regressed` pass on base and fail on head, the rest are unchanged passes. */
function suite(n: number, regressed: number): SimCase[] {
  return Array.from({ length: n }, (_, i) => ({ base: sideOf(1), head: sideOf(i < regressed ? 0 : 1) }));
}

export function examples(): string[] {
  const lines: string[] = [];
  const three = suite(20, 3);
  const b = beforeGate(three, GATE, 1);
  const a = adviceFor(three, GATE, TARGET);
  lines.push(
    `- 20 cases, k = 1, 3 regress (Δ = −15 pp). Main: ${b.verdict}, "${b.delta.passRate !== null ? 'pass rate fell 15 pp …' : ''}" ` +
      `with no reason why it cannot be significant. Now: ${a.changedCases} changed cases allow at best p = ${a.smallestP}; ` +
      `the test needs ${a.minChangedCases} changed cases to reach p < ${GATE.alpha}.`,
  );
  const calm = suite(50, 0);
  const bc = beforeGate(calm, GATE, 2);
  const ac = adviceFor(calm, GATE, TARGET);
  lines.push(
    `- 50 cases, no case noisy, nothing changed. Main's MDE: ${fmt(bc.delta.mde)}. Now: MDE ${fmt(ac.mde)}, ` +
      `power at a ${fmt(TARGET)} drop ${(ac.powerAtTarget * 100).toFixed(0)} %` +
      (ac.casesNeeded !== null ? `, about ${ac.casesNeeded} cases would reach 80 %.` : '.'),
  );
  const tiny = suite(3, 3);
  const at = adviceFor(tiny, GATE, TARGET);
  lines.push(
    `- 3 cases, all regress (Δ = −100 pp). Now: suiteCanFail = ${at.suiteCanFail} (needs ${at.minChangedCases} cases), ` +
      `cases needed for 80 % at ${fmt(TARGET)}: ${at.casesNeeded}.`,
  );
  return lines;
}

function fmt(x: number | null): string {
  return x === null ? 'none' : `${(x * 100).toFixed(1)} pp`;
}
