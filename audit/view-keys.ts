// One number per instance view (issue 4: "count views by hashing packed view words in typed arrays"): the
// compared items' elements packed exactly into a float64 when they fit in 52 bits, else hashed to 53
// bits by two 32-bit multiply–xorshift lanes. A view whose structure differs from the plan's (another
// traffic shape) gets the 52-bit hash of its whole content instead (instance-views.ts). Equal views
// always get equal keys, so hashing can only merge distinct views (a miss with probability ≤
// pairs/2^52), never invent a difference.
import { placement } from './batch-layout.ts';
import type { BatchPlan } from './batch-plan.ts';
import type { InstanceViews } from './instance-views.ts';

export interface Coordinate {
  readonly item: number;
  readonly element: number;
  readonly width: number;
  readonly name: string;
}

export interface KeyLayout {
  readonly coordinates: readonly Coordinate[];
  readonly bits: number;
  readonly exact: boolean;
}

export const EXACT_KEY_BITS = 52;

export function keyLayout(plan: BatchPlan, include: (item: number) => boolean): KeyLayout {
  const coordinates: Coordinate[] = [];
  plan.items.forEach((it, k) => {
    if (!include(k)) return;
    for (let t = 0; t < it.perInstance; t++)
      coordinates.push({ item: k, element: t, width: it.width, name: `${it.name}[${t}]` });
  });
  const bits = coordinates.reduce((a, c) => a + c.width, 0);
  return { coordinates, bits, exact: bits <= EXACT_KEY_BITS };
}

const u32 = (w: BigUint64Array): Uint32Array => new Uint32Array(w.buffer, w.byteOffset, w.length * 2);

export function viewKeys(layout: KeyLayout, plan: BatchPlan, views: InstanceViews): Float64Array {
  const keys = packedKeys(layout, plan, views);
  if (views.deviants > 0)
    for (let b = 0; b < views.batch; b++) if (views.deviant[b] === 1) keys[b] = views.contentKey[b]!;
  return keys;
}

function packedKeys(layout: KeyLayout, plan: BatchPlan, views: InstanceViews): Float64Array {
  const B = views.batch;
  const keys = new Float64Array(B);
  if (layout.exact) {
    for (const c of layout.coordinates) {
      const words = u32(views.data[c.item]!);
      const { base, stride } = placement(plan.items[c.item]!.parts, c.element, B);
      const scale = 2 ** c.width;
      // element t of instance b sits at base + b·stride (batch-layout.ts); low word at twice that
      let p = 2 * base;
      const step = 2 * stride;
      if (c.width > 32)
        for (let b = 0; b < B; b++, p += step)
          keys[b] = keys[b]! * scale + words[p + 1]! * 4294967296 + words[p]!;
      else for (let b = 0; b < B; b++, p += step) keys[b] = keys[b]! * scale + words[p]!;
    }
    return keys;
  }
  const h1 = new Int32Array(B).fill(0x2545f491);
  const h2 = new Int32Array(B).fill(0x6b43a9b5);
  for (const c of layout.coordinates) {
    const words = u32(views.data[c.item]!);
    const { base, stride } = placement(plan.items[c.item]!.parts, c.element, B);
    for (let b = 0, p = base; b < B; b++, p += stride) {
      let x = Math.imul(h1[b]! ^ words[2 * p]!, 0x9e3779b1);
      x = Math.imul(x ^ words[2 * p + 1]!, 0x85ebca6b);
      h1[b] = x ^ (x >>> 15);
      let y = Math.imul(h2[b]! ^ words[2 * p + 1]!, 0xc2b2ae35);
      y = Math.imul(y ^ words[2 * p]!, 0x27d4eb2f);
      h2[b] = y ^ (y >>> 13);
    }
  }
  for (let b = 0; b < B; b++) keys[b] = (h1[b]! >>> 0) * 2097152 + ((h2[b]! >>> 0) >>> 11);
  return keys;
}

/** The coordinates of an exactly packed key, in words (for evidence). */
export function describeKey(layout: KeyLayout, key: number): string {
  if (!layout.exact) return `view hash ${key}`;
  const values: string[] = [];
  let rest = key;
  for (let k = layout.coordinates.length - 1; k >= 0; k--) {
    const c = layout.coordinates[k]!;
    const scale = 2 ** c.width;
    values.unshift(`${c.name} = ${rest % scale}`);
    rest = Math.floor(rest / scale);
  }
  return values.join(', ');
}
