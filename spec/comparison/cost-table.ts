// The side-by-side cost table of docs/comparison.md, computed from the spec's own cost functions (so
// the documentation cannot drift from what the harness checks; test/comparison/docs.test.ts compares).
// Per element and per party, for 2 parties unless said: rounds, online bits sent, offline bits.
import { resolveConfig } from '../config.ts';
import type { Cost } from '../types.ts';
import { eqzCost, ltzCost, ltzThenProductCost, selectCost } from './cost.ts';

const ELEMENTS = 1024;

type CostOf = (config: ReturnType<typeof resolveConfig>, elements: number) => Cost;

const OPERATIONS: readonly { readonly name: string; readonly cost: CostOf; readonly parties: number }[] = [
  { name: 'ltz, lt, gt, le, ge, sign', cost: ltzCost, parties: 2 },
  { name: 'ltz (3 parties)', cost: ltzCost, parties: 3 },
  { name: 'relu, abs', cost: ltzThenProductCost, parties: 2 },
  { name: 'eq', cost: eqzCost, parties: 2 },
  { name: 'select', cost: selectCost, parties: 2 },
];

function perElement(cost: Cost): { rounds: number; online: number; offline: number } {
  return {
    rounds: cost.rounds,
    online: cost.bitsSent[0]! / ELEMENTS,
    offline: cost.offlineBits[0]! / ELEMENTS,
  };
}

/** The markdown table: one row per operation and ℓ ∈ {8, 16, 32, 64}, crypten next to default. */
export function costTableMarkdown(): string {
  const lines = [
    '| operation | ℓ | rounds crypten | rounds default | online bits crypten | online bits default | offline bits crypten | offline bits default |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const op of OPERATIONS) {
    for (const ell of [8, 16, 32, 64]) {
      const [c, d] = (['crypten', 'default'] as const).map((profile) =>
        perElement(op.cost(resolveConfig(profile, { ell, parties: op.parties }), ELEMENTS)),
      );
      lines.push(
        `| ${op.name} | ${ell} | ${c!.rounds} | ${d!.rounds} | ${c!.online} | ${d!.online} | ${c!.offline} | ${d!.offline} |`,
      );
    }
  }
  return lines.join('\n');
}
