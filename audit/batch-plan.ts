// How to run many instances of a protocol in one execution (issue 4: the enumeration is the batch
// dimension), found and checked generically (batch-check.ts). A probe run of one instance lists its
// random draws, its view items and its traffic shape. A batched run must reproduce, item by item, the
// views of the same instances run alone with the same randomness; a protocol that mixes instances
// (matmul, whose shapes have no batch axis) runs one instance per execution.
import { inputError } from '../core/errors.ts';
import { ringMask } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { findBatching } from './batch-check.ts';
import type { DrawLayouts } from './instance-tapes.ts';
import {
  type BatchViews,
  type InstanceSetup,
  type SecretSource,
  type Shapes,
  runInstanceAlone,
} from './instance-run.ts';
import { PrgFill } from './prg-fill.ts';
import { type TrafficShape, trafficShape } from './traffic-shape.ts';
import { type BatchMode, type PlannedItem, VERIFY_INSTANCES, planned } from './batch-layout.ts';

export interface PlannedDraw {
  readonly source: string;
  readonly label: string;
  readonly id: string;
  readonly perInstance: number;
  readonly bits: number | undefined;
  /** Verbatim in the audited party's view (one of its raw draws). */
  readonly raw: boolean;
}

export interface BatchPlan {
  readonly protocol: BoundProtocol;
  readonly config: Config;
  readonly party: number;
  readonly instanceShapes: Shapes;
  /** Input elements per instance (the size passed to the spec's shapes). */
  readonly instanceSize: number;
  readonly mode: BatchMode;
  readonly layouts: DrawLayouts;
  readonly draws: readonly PlannedDraw[];
  readonly items: readonly PlannedItem[];
  /** The probe's traffic shape: every instance whose view has the plan's structure has it. */
  readonly shape: TrafficShape;
}

/** Seeded clear inputs: uniform ring values (0/1 for bit inputs), for the probe and the batching check. */
export function randomSecrets(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  seed: bigint,
): SecretSource {
  return (first, batch) =>
    Object.fromEntries(
      protocol.inputs().map((d) => {
        const n = sizeOf(shapes[d.name]!);
        const w = chachaWords(deriveKey(rootKey(seed), `audit/secrets/${d.name}`), (first + batch) * n);
        const m = d.scale === 'bit' ? 1n : ringMask(config.ell);
        const out = w.slice(first * n);
        for (let i = 0; i < out.length; i++) out[i] = out[i]! & m;
        return [d.name, out];
      }),
    );
}

/**
 * The plan of party `party`'s audit at `instanceSize` elements per instance (default: the spec's
 * declared instance size).
 */
export async function planBatch(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  seed: bigint,
  instanceSize = protocol.privacy().instanceSize,
): Promise<BatchPlan> {
  const why = protocol.unsupported(config);
  if (why !== undefined) throw inputError(`${protocol.id}: not supported under this configuration: ${why}`);
  const instanceShapes = protocol.shapes(instanceSize);
  protocol.outputShapes(instanceShapes);
  const setup: InstanceSetup = {
    protocol,
    config,
    party,
    secrets: randomSecrets(protocol, config, instanceShapes, seed),
    fill: new PrgFill(seed, VERIFY_INSTANCES),
  };
  const probe = await runInstanceAlone(setup, instanceShapes, 0);
  const base = {
    protocol,
    config,
    party,
    instanceShapes,
    instanceSize,
    draws: probeDraws(probe),
    shape: trafficShape(probe.items),
  };
  const found = await findBatching(setup, instanceShapes, probe);
  if (found !== undefined) return { ...base, ...found };
  const items = probe.items.map((p) => planned(p, [p.data.length]));
  return { ...base, mode: 'unbatched', layouts: new Map(), items };
}

/** The run's random variables as the probe drew them (a pair-tape draw is asked for twice, listed once). */
function probeDraws(run: BatchViews): PlannedDraw[] {
  const raw = new Set(run.items.flatMap((i) => (i.raw ? [i.raw.id] : [])));
  const seen = new Map<string, PlannedDraw>();
  for (const e of run.draws) {
    if (seen.has(e.id)) continue;
    seen.set(e.id, {
      source: e.key.source,
      label: e.key.label,
      id: e.id,
      perInstance: e.perInstance,
      bits: e.bits,
      raw: raw.has(e.id),
    });
  }
  return [...seen.values()];
}
