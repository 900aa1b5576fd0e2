// The cost of a model under a recipe (docs/models.md, `mpcspec cost`): every protocol step's cost is its
// registered spec's formula at the step's shapes — no formula is written here — and the plan runs its
// steps one after another, so components, layers and the model compose sequentially (spec/cost.ts seq:
// rounds add). Local rearrangements cost nothing.
import type { Config } from '../spec/config.ts';
import { free, seq } from '../spec/cost.ts';
import type { Cost } from '../spec/types.ts';
import { COMPONENTS, type Component, type LayerPlan, type ModelPlan, type ProtocolStep } from './plan.ts';

export interface StepCost {
  readonly step: ProtocolStep;
  readonly cost: Cost;
}

export interface LayerCost {
  readonly layer: LayerPlan['layer'];
  readonly steps: readonly StepCost[];
  readonly components: Readonly<Record<Component, Cost>>;
  readonly total: Cost;
}

export interface ModelCost {
  readonly layers: readonly LayerCost[];
  /** Each component summed over the model. */
  readonly components: Readonly<Record<Component, Cost>>;
  readonly total: Cost;
}

const protocolSteps = (layer: LayerPlan): ProtocolStep[] =>
  layer.steps.filter((s): s is ProtocolStep => s.kind === 'protocol');

/** Per component, the sequential sum of the given costs (free where a component has none). */
function byComponent(config: Config, steps: readonly StepCost[]): Record<Component, Cost> {
  return Object.fromEntries(
    COMPONENTS.map((c) => [
      c,
      seq(config, ...steps.filter((s) => s.step.component === c).map((s) => s.cost)),
    ]),
  ) as Record<Component, Cost>;
}

export function layerCost(plan: ModelPlan, layer: LayerPlan): LayerCost {
  const steps = protocolSteps(layer).map((step) => ({
    step,
    cost: step.protocol.cost(plan.config, step.shapes),
  }));
  return {
    layer: layer.layer,
    steps,
    components: byComponent(plan.config, steps),
    total: seq(plan.config, ...steps.map((s) => s.cost)),
  };
}

export function modelCost(plan: ModelPlan): ModelCost {
  const layers = plan.layers.map((l) => layerCost(plan, l));
  const { config } = plan;
  return {
    layers,
    components: Object.fromEntries(
      COMPONENTS.map((c) => [c, seq(config, ...layers.map((l) => l.components[c]))]),
    ) as Record<Component, Cost>,
    total: layers.length === 0 ? free(config) : seq(config, ...layers.map((l) => l.total)),
  };
}

/**
 * CrypTen's counter for party i (bytes sent + received), defined for two parties: what party i sends and
 * what the other sends to it.
 */
export const cryptenBytes = (c: Cost, party: number): number | undefined =>
  c.bitsSent.length === 2 ? (c.bitsSent[party]! + c.bitsSent[1 - party]!) / 8 : undefined;
