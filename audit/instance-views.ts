// The audited party's views for a range of instances, run as the batch plan says (batch-plan.ts): one
// execution for the whole range, or one per instance, assembled into the plan's layout. An instance
// whose view has another structure than the plan's — more or fewer messages, other lengths, labels or
// rounds (traffic shape that changes with the values) — is kept, not refused: its traffic shape is
// recorded, and its content is summarised by one hash, so every mode still sees that its view differs.
// A batch whose structure differs from the plan's is run again one instance at a time, so each
// instance's own shape is seen.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type PlannedItem, batchedShapes, position } from './batch-layout.ts';
import { sameStructure } from './batch-check.ts';
import type { BatchPlan } from './batch-plan.ts';
import type { InstanceFill } from './instance-tapes.ts';
import { type SecretSource, runInstanceAlone, runInstanceBatch } from './instance-run.ts';
import { type TrafficShape, trafficShape } from './traffic-shape.ts';
import type { ViewItem } from './view-items.ts';

export interface InstanceViews {
  readonly batch: number;
  /** Per plan item, the words of all instances in the plan's layout (zeros for a deviant instance). */
  readonly data: readonly BigUint64Array[];
  /** Per instance: 1 when its view's structure differs from the plan's. */
  readonly deviant: Uint8Array;
  readonly deviants: number;
  /** Per instance: the traffic shape's coordinates. */
  readonly shape: {
    readonly count: Float64Array;
    readonly bits: Float64Array;
    readonly rounds: Float64Array;
    readonly fingerprint: Float64Array;
  };
  /** Per instance: a 52-bit hash of a deviant view's whole content (0 for the plan's structure). */
  readonly contentKey: Float64Array;
  /** Every traffic shape seen, by fingerprint, and the shape of each deviant content key (for evidence). */
  readonly shapes: ReadonlyMap<number, TrafficShape>;
  readonly deviantShapes: ReadonlyMap<number, TrafficShape>;
}

function conforms(plan: BatchPlan, items: readonly ViewItem[], batch: number): boolean {
  return (
    items.length === plan.items.length &&
    items.every((it, k) => {
      const p: PlannedItem = plan.items[k]!;
      return sameStructure(it, p, p.perInstance * batch);
    })
  );
}

class ViewsBuilder {
  readonly data: BigUint64Array[];
  readonly deviant: Uint8Array;
  readonly count: Float64Array;
  readonly bits: Float64Array;
  readonly rounds: Float64Array;
  readonly fingerprint: Float64Array;
  readonly contentKey: Float64Array;
  readonly shapes = new Map<number, TrafficShape>();
  readonly deviantShapes = new Map<number, TrafficShape>();
  deviants = 0;

  constructor(
    private readonly plan: BatchPlan,
    readonly batch: number,
  ) {
    this.data = plan.items.map((p) => new BigUint64Array(p.perInstance * batch));
    this.deviant = new Uint8Array(batch);
    this.count = new Float64Array(batch).fill(plan.shape.count);
    this.bits = new Float64Array(batch).fill(plan.shape.bits);
    this.rounds = new Float64Array(batch).fill(plan.shape.rounds);
    this.fingerprint = new Float64Array(batch).fill(plan.shape.fingerprint);
    this.contentKey = new Float64Array(batch);
    this.shapes.set(plan.shape.fingerprint, plan.shape);
  }

  /** Instance b's view from a run of it alone. */
  put(b: number, items: readonly ViewItem[]): void {
    if (conforms(this.plan, items, 1)) {
      items.forEach((it, k) => {
        const parts = this.plan.items[k]!.parts;
        const out = this.data[k]!;
        for (let t = 0; t < it.data.length; t++) out[position(parts, t, b, this.batch)] = it.data[t]!;
      });
      return;
    }
    const shape = trafficShape(items);
    this.shapes.set(shape.fingerprint, shape);
    this.deviant[b] = 1;
    this.deviants += 1;
    this.count[b] = shape.count;
    this.bits[b] = shape.bits;
    this.rounds[b] = shape.rounds;
    this.fingerprint[b] = shape.fingerprint;
    this.contentKey[b] = contentHash(items);
    this.deviantShapes.set(this.contentKey[b], shape);
  }

  done(data: readonly BigUint64Array[] = this.data): InstanceViews {
    return {
      batch: this.batch,
      data,
      deviant: this.deviant,
      deviants: this.deviants,
      shape: { count: this.count, bits: this.bits, rounds: this.rounds, fingerprint: this.fingerprint },
      contentKey: this.contentKey,
      shapes: this.shapes,
      deviantShapes: this.deviantShapes,
    };
  }
}

export async function collectViews(
  plan: BatchPlan,
  fill: InstanceFill,
  secrets: SecretSource,
  first: number,
  batch: number,
): Promise<InstanceViews> {
  const setup = { protocol: plan.protocol, config: plan.config, party: plan.party, secrets, fill };
  const views = new ViewsBuilder(plan, batch);
  if (plan.mode !== 'unbatched') {
    const shapes = batchedShapes(plan.instanceShapes, plan.mode, batch);
    const run = await runInstanceBatch({ ...setup, shapes, first, batch, layouts: plan.layouts });
    if (conforms(plan, run.items, batch)) return views.done(run.items.map((i) => i.data));
  }
  for (let b = 0; b < batch; b++) {
    // a run on the in-memory network is one chain of microtasks: let timers and messages in now and then
    if (b % 32 === 31) await yieldToEventLoop();
    views.put(b, (await runInstanceAlone(setup, plan.instanceShapes, first + b)).items);
  }
  return views.done();
}

/**
 * Views of consecutive instance ranges as one batch, in the plan's layout for their total (the
 * statistical mode runs each group of secrets as a batch of its own: a batch's schedule is decided for
 * all its instances together, and one group's shape must not hide another's).
 */
export function joinViews(plan: BatchPlan, parts: readonly InstanceViews[]): InstanceViews {
  const total = parts.reduce((a, p) => a + p.batch, 0);
  const data = plan.items.map((it, k) => {
    const out = new BigUint64Array(it.perInstance * total);
    let offset = 0;
    for (const p of parts) {
      const src = p.data[k]!;
      for (let t = 0; t < it.perInstance; t++)
        for (let b = 0; b < p.batch; b++)
          out[position(it.parts, t, offset + b, total)] = src[position(it.parts, t, b, p.batch)]!;
      offset += p.batch;
    }
    return out;
  });
  const cat = <T extends Float64Array | Uint8Array>(
    pick: (v: InstanceViews) => T,
    make: (n: number) => T,
  ): T => {
    const out = make(total);
    let offset = 0;
    for (const p of parts) {
      out.set(pick(p), offset);
      offset += p.batch;
    }
    return out;
  };
  const f64 = (n: number): Float64Array => new Float64Array(n);
  return {
    batch: total,
    data,
    deviant: cat(
      (v) => v.deviant,
      (n) => new Uint8Array(n),
    ),
    deviants: parts.reduce((a, p) => a + p.deviants, 0),
    shape: {
      count: cat((v) => v.shape.count, f64),
      bits: cat((v) => v.shape.bits, f64),
      rounds: cat((v) => v.shape.rounds, f64),
      fingerprint: cat((v) => v.shape.fingerprint, f64),
    },
    contentKey: cat((v) => v.contentKey, f64),
    shapes: new Map(parts.flatMap((p) => [...p.shapes])),
    deviantShapes: new Map(parts.flatMap((p) => [...p.deviantShapes])),
  };
}

/** Two 26-bit multiply–xorshift lanes over every item's name and words. */
function contentHash(items: readonly ViewItem[]): number {
  let a = 0x2545f491;
  let b = 0x6b43a9b5;
  const mix = (x: number): void => {
    a = Math.imul(a ^ x, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ x ^ (a >>> 9), 0x85ebca6b);
    b ^= b >>> 13;
  };
  for (const it of items) {
    for (let i = 0; i < it.name.length; i++) mix(it.name.charCodeAt(i));
    const w = new Uint32Array(it.data.buffer, it.data.byteOffset, it.data.length * 2);
    for (let i = 0; i < w.length; i++) mix(w[i]!);
  }
  return ((a >>> 6) & 0x3ffffff) * 67108864 + ((b >>> 6) & 0x3ffffff) + 1;
}
