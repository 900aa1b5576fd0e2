// A view coordinate across instances (statistical mode): one element of one view item, or one number of
// the traffic shape, for every instance of the batch, as raw words.
import { ringMask } from '../core/ring.ts';
import { placement } from './batch-layout.ts';
import type { BatchPlan } from './batch-plan.ts';
import type { InstanceViews } from './instance-views.ts';

export interface Coordinate {
  readonly name: string;
  readonly width: number;
  /** One word per instance. */
  readonly words: BigUint64Array;
  /** A received message's element (projections pair these with every other coordinate). */
  readonly message?: boolean;
  /** A traffic-shape number. */
  readonly shape?: boolean;
}

export function coordinates(plan: BatchPlan, views: InstanceViews): Coordinate[] {
  const B = views.batch;
  const out: Coordinate[] = [];
  plan.items.forEach((it, k) => {
    const data = views.data[k]!;
    for (let t = 0; t < it.perInstance; t++) {
      const words = new BigUint64Array(B);
      const { base, stride } = placement(it.parts, t, B);
      for (let b = 0, p = base; b < B; b++, p += stride) words[b] = data[p]!;
      out.push({
        name: `${it.name} [${t}]`,
        width: it.width,
        words,
        ...(it.role === 'message' ? { message: true } : {}),
      });
    }
  });
  out.push(
    ...shapeCoordinates({
      'messages received': views.shape.count,
      'bits received': views.shape.bits,
      'last round': views.shape.rounds,
      'message sequence (labels, senders, rounds, lengths)': views.shape.fingerprint,
      'another structure, content hash': views.contentKey,
    }),
  );
  return out;
}

/** Traffic-shape numbers (exact integers below 2^53), one per instance, as coordinates by name. */
export const shapeCoordinates = (numbers: Readonly<Record<string, Float64Array>>): Coordinate[] =>
  Object.entries(numbers).map(([name, values]) => ({
    name: `traffic shape: ${name}`,
    width: 53,
    words: BigUint64Array.from(values, (v) => BigInt(v)),
    shape: true,
  }));

/** (a ± b) mod 2^width, elementwise. */
export function combine(a: BigUint64Array, b: BigUint64Array, width: number, sign: 1 | -1): BigUint64Array {
  const m = ringMask(width);
  const out = new BigUint64Array(a.length);
  if (sign === 1) for (let i = 0; i < a.length; i++) out[i] = (a[i]! + b[i]!) & m;
  else for (let i = 0; i < a.length; i++) out[i] = (a[i]! - b[i]!) & m;
  return out;
}
