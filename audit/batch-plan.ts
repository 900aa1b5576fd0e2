// How to run many instances of a protocol in one execution (issue 4: the enumeration is the batch
// dimension), found and checked generically. A probe run of one instance lists its random draws and its
// view items. Then a leading batch axis is tried ([B, …shape]), then a scaled first axis ([B·d₀, …]):
// a batched run of a few instances must reproduce, item by item, the views of the same instances run
// alone with the same randomness — which also finds each item's layout (a message that concatenates two
// tensors holds instance b at b and B + b, not at 2b, 2b + 1). A protocol that mixes instances (matmul,
// whose shapes have no batch axis) runs one instance per execution.
import { inputError } from '../core/errors.ts';
import { ringMask } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { DrawLayout } from './instance-tapes.ts';
import {
  type BatchViews,
  type InstanceSetup,
  type SecretSource,
  type Shapes,
  runInstanceAlone,
  runInstanceBatch,
} from './instance-run.ts';
import { PrgFill } from './prg-fill.ts';
import type { ItemRole, ViewItem } from './view-items.ts';

export type BatchMode = 'prepend' | 'scale' | 'unbatched';

export interface PlannedDraw {
  readonly source: string;
  readonly label: string;
  readonly id: string;
  readonly perInstance: number;
  readonly bits: number | undefined;
  /** Verbatim in the audited party's view (one of its raw draws). */
  readonly raw: boolean;
}

export interface PlannedItem {
  readonly name: string;
  readonly role: ItemRole;
  readonly width: number;
  readonly perInstance: number;
  /** Layout in a batch of B: element t of instance b is at ⌊t/s⌋·s·B + b·s + t mod s (s = segment). */
  readonly segment: number;
  /** The raw draw this item is, if any. */
  readonly rawId?: string;
}

export interface BatchPlan {
  readonly protocol: BoundProtocol;
  readonly config: Config;
  readonly party: number;
  readonly instanceShapes: Shapes;
  readonly mode: BatchMode;
  readonly drawLayout: DrawLayout;
  readonly draws: readonly PlannedDraw[];
  readonly items: readonly PlannedItem[];
}

const VERIFY_INSTANCES = 8;

export function batchedShapes(instance: Shapes, mode: BatchMode, batch: number): Shapes {
  return Object.fromEntries(
    Object.entries(instance).map(([k, s]) => [
      k,
      mode === 'prepend' ? [batch, ...s] : mode === 'scale' ? [batch * (s[0] ?? 1), ...s.slice(1)] : s,
    ]),
  );
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

/** Element t of instance b of an item laid out with segment s in a batch of B. */
export const position = (t: number, b: number, s: number, batch: number): number =>
  Math.floor(t / s) * s * batch + b * s + (t % s);

function segmentsOf(n: number): number[] {
  const out: number[] = [];
  for (let s = n; s >= 1; s--) if (n % s === 0) out.push(s);
  return out;
}

/** The layout under which the batched item holds every single-instance item, or undefined. */
function findSegment(batched: ViewItem, alone: readonly ViewItem[]): number | undefined {
  const n = alone[0]!.data.length;
  if (batched.data.length !== n * alone.length) return undefined;
  const B = alone.length;
  return segmentsOf(n).find((s) =>
    alone.every((one, b) => {
      for (let t = 0; t < n; t++) if (batched.data[position(t, b, s, B)] !== one.data[t]) return false;
      return true;
    }),
  );
}

async function tryBatched(
  setup: InstanceSetup,
  instance: Shapes,
  mode: BatchMode,
  drawLayout: DrawLayout,
  probe: readonly ViewItem[],
): Promise<PlannedItem[] | undefined> {
  const B = VERIFY_INSTANCES;
  const shapes = batchedShapes(instance, mode, B);
  try {
    setup.protocol.outputShapes(shapes);
    const batched = (await runInstanceBatch({ ...setup, shapes, first: 0, batch: B, drawLayout })).items;
    const alone: ViewItem[][] = [];
    for (let b = 0; b < B; b++) alone.push((await runInstanceAlone(setup, instance, b)).items);
    if (batched.length !== probe.length || alone.some((a) => a.length !== probe.length)) return undefined;
    const items: PlannedItem[] = [];
    for (let k = 0; k < probe.length; k++) {
      const p = probe[k]!;
      const ones = alone.map((a) => a[k]!);
      const same = (x: ViewItem): boolean =>
        x.role === p.role &&
        x.width === p.width &&
        x.raw?.id === p.raw?.id &&
        x.data.length === p.data.length;
      const segment =
        ones.every(same) && batched[k]!.role === p.role && batched[k]!.raw?.id === p.raw?.id
          ? findSegment(batched[k]!, ones)
          : undefined;
      if (segment === undefined) return undefined;
      items.push(planned(p, segment));
    }
    return items;
  } catch {
    return undefined; // this batching does not fit the protocol's shapes or semantics: try the next
  }
}

const planned = (p: ViewItem, segment: number): PlannedItem => ({
  name: p.name,
  role: p.role,
  width: p.width,
  perInstance: p.data.length,
  segment,
  ...(p.raw ? { rawId: p.raw.id } : {}),
});

export async function planBatch(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  seed: bigint,
): Promise<BatchPlan> {
  const why = protocol.unsupported(config);
  if (why !== undefined) throw inputError(`${protocol.id}: not supported under this configuration: ${why}`);
  const instanceShapes = protocol.shapes(protocol.privacy().instanceSize);
  protocol.outputShapes(instanceShapes);
  const secrets = randomSecrets(protocol, config, instanceShapes, seed);
  const setup: InstanceSetup = {
    protocol,
    config,
    party,
    secrets,
    fill: new PrgFill(seed, VERIFY_INSTANCES),
  };
  const probe = await runInstanceAlone(setup, instanceShapes, 0);
  const draws = probeDraws(probe);
  for (const mode of ['prepend', 'scale'] as const)
    for (const drawLayout of ['block', 'strided'] as const) {
      const items = await tryBatched(setup, instanceShapes, mode, drawLayout, probe.items);
      if (items !== undefined)
        return { protocol, config, party, instanceShapes, mode, drawLayout, draws, items };
    }
  const items = probe.items.map((p) => planned(p, p.data.length));
  return { protocol, config, party, instanceShapes, mode: 'unbatched', drawLayout: 'block', draws, items };
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
