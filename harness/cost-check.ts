// Measured cost against the spec's formulas: equal, not ≤ (issue 2 §5).
import type { RunMetrics } from '../runtime/run.ts';
import type { Cost } from '../spec/types.ts';

export interface CostCheck {
  readonly spec: Cost;
  readonly measured: Cost;
  readonly mismatches: readonly string[];
  readonly ok: boolean;
}

export function measuredCost(m: RunMetrics): Cost {
  return {
    rounds: m.rounds,
    bitsSent: m.parties.map((p) => p.bitsSent),
    messagesSent: m.parties.map((p) => p.messagesSent),
    offlineBits: m.parties.map((p) => p.offlineBits),
    preprocessing: m.preprocessing,
  };
}

export function checkCost(spec: Cost, m: RunMetrics): CostCheck {
  const measured = measuredCost(m);
  const mismatches: string[] = [];
  const same = (a: readonly number[], b: readonly number[]): boolean =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  if (spec.rounds !== measured.rounds)
    mismatches.push(`rounds: spec ${spec.rounds}, measured ${measured.rounds}`);
  if (!same(spec.bitsSent, measured.bitsSent))
    mismatches.push(
      `bits sent: spec [${spec.bitsSent.join(', ')}], measured [${measured.bitsSent.join(', ')}]`,
    );
  if (!same(spec.messagesSent, measured.messagesSent))
    mismatches.push(
      `messages: spec [${spec.messagesSent.join(', ')}], measured [${measured.messagesSent.join(', ')}]`,
    );
  if (!same(spec.offlineBits, measured.offlineBits))
    mismatches.push(
      `offline bits: spec [${spec.offlineBits.join(', ')}], measured [${measured.offlineBits.join(', ')}]`,
    );
  const kinds = new Set([...Object.keys(spec.preprocessing), ...Object.keys(measured.preprocessing)]);
  for (const k of kinds) {
    if ((spec.preprocessing[k] ?? 0) !== (measured.preprocessing[k] ?? 0)) {
      mismatches.push(
        `preprocessing ${k}: spec ${spec.preprocessing[k] ?? 0}, measured ${measured.preprocessing[k] ?? 0}`,
      );
    }
  }
  return { spec, measured, mismatches, ok: mismatches.length === 0 };
}
