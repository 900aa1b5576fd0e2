// The cost report of `mpcspec cost` (docs/models.md): rows per component and layer and for the whole
// model — online rounds, bits sent per party, CrypTen's counter, offline bits, preprocessing, and the
// estimated time on a network — and, with a measured run, the measured cost beside the formula on every
// row. Identical layers are shown once.
import { seq as seqCost } from '../spec/cost.ts';
import type { Cost } from '../spec/types.ts';
import { type Network, estimateSeconds } from '../spec/model/network.ts';
import { type LayerCost, type ModelCost, cryptenBytes } from './cost.ts';
import { COMPONENTS, type Component, type ModelPlan } from './plan.ts';
import type { StepMeasurement } from './private-run.ts';

export interface CostRow {
  /** 'L3', 'layers 0–11 (each)', 'final', 'model'. */
  readonly scope: string;
  /** A component, or 'total'. */
  readonly part: Component | 'total';
  readonly cost: Cost;
  readonly cryptenBytes?: number;
  readonly seconds: number;
  /** The measured cost of the same steps, when the model was run. */
  readonly measured?: Cost;
  readonly matches?: boolean;
}

export const MB = 2 ** 20;

/** Costs equal in every field (preprocessing compared by kind, whatever the order). */
export function sameCost(a: Cost, b: Cost): boolean {
  const kinds = new Set([...Object.keys(a.preprocessing), ...Object.keys(b.preprocessing)]);
  return (
    a.rounds === b.rounds &&
    a.bitsSent.every((v, i) => v === b.bitsSent[i]) &&
    a.messagesSent.every((v, i) => v === b.messagesSent[i]) &&
    a.offlineBits.every((v, i) => v === b.offlineBits[i]) &&
    [...kinds].every((k) => (a.preprocessing[k] ?? 0) === (b.preprocessing[k] ?? 0))
  );
}

const key = (l: LayerCost): string => JSON.stringify([l.components, l.total]);

/** Measured costs per layer index and component (and total), composed like the formulas. */
function measuredByLayer(
  plan: ModelPlan,
  measured: readonly (readonly StepMeasurement[])[],
): { components: Record<Component, Cost>; total: Cost }[] {
  const { config } = plan;
  return measured.map((steps) => ({
    components: Object.fromEntries(
      COMPONENTS.map((c) => [
        c,
        seqCost(config, ...steps.filter((s) => s.step.component === c).map((s) => s.measured)),
      ]),
    ) as Record<Component, Cost>,
    total: seqCost(config, ...steps.map((s) => s.measured)),
  }));
}

export function costRows(
  plan: ModelPlan,
  cost: ModelCost,
  network: Network,
  measured?: readonly (readonly StepMeasurement[])[],
): CostRow[] {
  const { config } = plan;
  const byLayer = measured === undefined ? undefined : measuredByLayer(plan, measured);
  const row = (scope: string, part: Component | 'total', c: Cost, m?: Cost): CostRow => {
    const bytes = cryptenBytes(c, 0);
    return {
      scope,
      part,
      cost: c,
      ...(bytes === undefined ? {} : { cryptenBytes: bytes }),
      seconds: estimateSeconds(c, network),
      ...(m === undefined ? {} : { measured: m, matches: sameCost(c, m) }),
    };
  };
  const rows: CostRow[] = [];
  const layers = cost.layers;
  // With a measured run every layer gets its rows (each is checked); otherwise equal layers are merged.
  let i = 0;
  while (i < layers.length) {
    let j = i + 1;
    if (byLayer === undefined)
      while (j < layers.length && layers[j]!.layer !== 'final' && key(layers[j]!) === key(layers[i]!)) j++;
    const l = layers[i]!;
    const scope =
      l.layer === 'final'
        ? 'final LN'
        : j - i > 1
          ? `layers ${l.layer}–${Number(l.layer) + j - i - 1} (each)`
          : `layer ${l.layer}`;
    for (const c of COMPONENTS)
      if (
        l.components[c].rounds > 0 ||
        l.components[c].bitsSent.some((b) => b > 0) ||
        Object.keys(l.components[c].preprocessing).length > 0
      )
        rows.push(row(scope, c, l.components[c], byLayer?.[i]?.components[c]));
    rows.push(row(scope, 'total', l.total, byLayer?.[i]?.total));
    i = j;
  }
  const total = byLayer === undefined ? undefined : seqCost(config, ...byLayer.map((l) => l.total));
  for (const c of COMPONENTS) {
    const m = byLayer === undefined ? undefined : seqCost(config, ...byLayer.map((l) => l.components[c]));
    rows.push(row('model', c, cost.components[c], m));
  }
  rows.push(row('model', 'total', cost.total, total));
  return rows;
}
