// A model's layers run privately (docs/models.md, `mpcspec infer`, `mpcspec cost --measure`): the plan's
// steps on the in-memory network, all parties in this process, dealer included. Each layer is one run
// (runParties) inside its own WordArena, so its buffers — shares, dealer material, messages — are
// recycled when it ends and a 12-layer model needs one layer's memory; the layer's output shares are
// copied out and become the next layer's input. No view is recorded (record: false). Every protocol step
// runs under its own scope and is metered per party, so each step's measured cost can be set beside its
// spec's formula; steps run one after another, so the layer's rounds are the sum of its steps'.
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { sumAll } from '../core/ring-ops.ts';
import { WordArena } from '../core/word-pool.ts';
import { encode } from '../core/fixed.ts';
import { deriveKey, rootKey } from '../core/prg.ts';
import { KeyedTape } from '../core/tape.ts';
import type { PartyMeter } from '../runtime/context.ts';
import type { Payload } from '../runtime/payload.ts';
import { runParties } from '../runtime/run.ts';
import { additiveShares } from '../harness/party-inputs.ts';
import type { Cost } from '../spec/types.ts';
import { applyToShares } from './local-ops.ts';
import type { LayerPlan, ModelPlan, ProtocolStep } from './plan.ts';
import type { WeightSource } from './weight-source.ts';
import { weightShape, weightValue } from './weights.ts';

export interface StepMeasurement {
  readonly step: ProtocolStep;
  readonly measured: Cost;
}

export interface LayerRun {
  /** Each party's shares of the layer's output (plain copies, outliving the layer's arena). */
  readonly shares: readonly RingTensor[];
  readonly steps: readonly StepMeasurement[];
  /** Wall time of the layer's run, dealer included. */
  readonly ms: number;
}

const MASK64 = (1n << 64n) - 1n;

/** The run seed of one layer: each layer draws its own tapes. */
const layerSeed = (seed: bigint, index: number): bigint => (seed * 1_000_003n + BigInt(index + 1)) & MASK64;

/** Additive shares of the clear input hidden states (the ideal sharing, as the harness shares inputs). */
export function shareInput(plan: ModelPlan, input: Float64Array, seed: bigint): RingTensor[] {
  const value = encode(input, plan.slots.get('input')!, plan.config, 'input hidden states');
  const tape = new KeyedTape('harness', deriveKey(rootKey(seed), 'harness'), false);
  return additiveShares(value, plan.config.parties, tape, 'input').map((s) =>
    ringTensor(s.ell, s.shape, new BigUint64Array(s.data)),
  );
}

export const reconstruct = (shares: readonly RingTensor[]): RingTensor => sumAll('model output', shares);

/** The measured cost of one step from every party's meters before and after it. */
function measuredCost(before: readonly PartyMeter[], after: readonly PartyMeter[]): Cost {
  const items: Record<string, number> = {};
  for (const [kind, n] of Object.entries(after[0]!.dealt)) {
    const d = n - (before[0]!.dealt[kind] ?? 0);
    if (d > 0) items[kind] = d;
  }
  return {
    rounds: Math.max(...after.map((m) => m.clock)) - Math.max(...before.map((m) => m.clock)),
    bitsSent: after.map((m, i) => m.bitsSent - before[i]!.bitsSent),
    messagesSent: after.map((m, i) => m.messagesSent - before[i]!.messagesSent),
    offlineBits: after.map((m, i) => m.offlineBits - before[i]!.offlineBits),
    preprocessing: items,
  };
}

/** Run one layer (or the final LayerNorm) of the plan on the parties' input shares. */
export async function runLayer(
  plan: ModelPlan,
  layer: LayerPlan,
  index: number,
  input: readonly RingTensor[],
  weights: WeightSource,
  seed: bigint,
): Promise<LayerRun> {
  const { config, model } = plan;
  const steps = layer.steps.filter((s): s is ProtocolStep => s.kind === 'protocol');
  const t0 = performance.now();
  return WordArena.within(async () => {
    // The owner encodes the weights this layer uses (derived ones computed in the clear first).
    const encoded = new Map<string, RingTensor>();
    const weight = (name: string): RingTensor => {
      let w = encoded.get(name);
      if (w === undefined) {
        const shape = weightShape(model, name);
        w = encode(
          weightValue(model, (n) => weights.get(n), name),
          shape,
          config,
          name,
        );
        encoded.set(name, w);
      }
      return w;
    };
    const meters: { before: PartyMeter; after: PartyMeter }[][] = [];
    const result = await runParties(
      { parties: config.parties, seed: layerSeed(seed, index), record: false },
      async (ctx, party) => {
        const env = new Map<string, RingTensor>([[layer.input, input[party]!]]);
        const mine: { before: PartyMeter; after: PartyMeter }[] = [];
        meters[party] = mine;
        for (const step of layer.steps) {
          if (step.kind === 'local') {
            env.set(
              step.output,
              applyToShares(step.op, (s) => env.get(s)!),
            );
            continue;
          }
          const inputs: Record<string, Payload> = {};
          for (const decl of step.protocol.inputs()) {
            const o = step.inputs[decl.name]!;
            if ('slot' in o) inputs[decl.name] = env.get(o.slot)!;
            else if (decl.holder === 'public' || (decl.holder === 'owner' && decl.owner === party))
              inputs[decl.name] = weight(o.weight);
          }
          const before = ctx.meter();
          const out = await step.protocol.run(ctx.scope(step.name), config, step.shapes, inputs);
          mine.push({ before, after: ctx.meter() });
          env.set(step.output, out[step.outputName] as RingTensor);
        }
        const y = env.get(layer.output)!;
        return ringTensor(y.ell, y.shape, new BigUint64Array(y.data));
      },
    );
    return {
      shares: result.outputs,
      steps: steps.map((step, k) => ({
        step,
        measured: measuredCost(
          meters.map((m) => m[k]!.before),
          meters.map((m) => m[k]!.after),
        ),
      })),
      ms: performance.now() - t0,
    };
  });
}
