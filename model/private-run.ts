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
import type { PartyContext, PartyMeter } from '../runtime/context.ts';
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
export const layerSeed = (seed: bigint, index: number): bigint =>
  (seed * 1_000_003n + BigInt(index + 1)) & MASK64;

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

export interface StepMeters {
  readonly before: PartyMeter;
  readonly after: PartyMeter;
}

/**
 * One party's side of a layer: its input share in, its output share out, every protocol step under its
 * own scope and metered. `weight` gives the owner's encoded weights (asked for only at the owner, or for
 * a public input). Whatever network the context talks through — in memory or TCP (bench/netem.sh).
 */
export async function runLayerSteps(
  ctx: PartyContext,
  plan: ModelPlan,
  layer: LayerPlan,
  input: RingTensor,
  weight: (name: string) => RingTensor,
): Promise<{ output: RingTensor; steps: StepMeters[] }> {
  const env = new Map<string, RingTensor>([[layer.input, input]]);
  const steps: StepMeters[] = [];
  for (const step of layer.steps) {
    // A model runs for seconds to minutes on promises alone, which never let timers and I/O through:
    // each step first yields to the event loop (progress bars, a test runner's heartbeat).
    await new Promise<void>((resolve) => setImmediate(resolve));
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
      else if (decl.holder === 'public' || (decl.holder === 'owner' && decl.owner === ctx.party))
        inputs[decl.name] = weight(o.weight);
    }
    const before = ctx.meter();
    const out = await step.protocol.run(ctx.scope(step.name), plan.config, step.shapes, inputs);
    steps.push({ before, after: ctx.meter() });
    env.set(step.output, out[step.outputName] as RingTensor);
  }
  return { output: env.get(layer.output)!, steps };
}

/** The owner's encoded weights, each encoded once (derived ones computed in the clear first). */
export function encodedWeights(plan: ModelPlan, weights: WeightSource): (name: string) => RingTensor {
  const encoded = new Map<string, RingTensor>();
  return (name) => {
    let w = encoded.get(name);
    if (w === undefined) {
      w = encode(
        weightValue(plan.model, (n) => weights.get(n), name),
        weightShape(plan.model, name),
        plan.config,
        name,
      );
      encoded.set(name, w);
    }
    return w;
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
  const { config } = plan;
  const steps = layer.steps.filter((s): s is ProtocolStep => s.kind === 'protocol');
  const t0 = performance.now();
  return WordArena.within(async () => {
    const weight = encodedWeights(plan, weights);
    const meters: StepMeters[][] = [];
    const result = await runParties(
      { parties: config.parties, seed: layerSeed(seed, index), record: false },
      async (ctx, party) => {
        const { output, steps: mine } = await runLayerSteps(ctx, plan, layer, input[party]!, weight);
        meters[party] = mine;
        return ringTensor(output.ell, output.shape, new BigUint64Array(output.data));
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
