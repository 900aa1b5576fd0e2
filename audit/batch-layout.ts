// The vocabulary of batched audit runs (batch-plan.ts, batch-check.ts): how instances are stacked into
// one execution, and where element t of instance b of a view item sits in a batch.
import type { Shapes } from './instance-run.ts';
import type { ItemRole, ViewItem } from './view-items.ts';

export type BatchMode = 'prepend' | 'scale' | 'unbatched';

export interface PlannedItem {
  readonly name: string;
  readonly role: ItemRole;
  readonly width: number;
  readonly perInstance: number;
  /**
   * Layout in a batch of B: an instance's elements are runs ("parts") of these sizes, and part j of every
   * instance comes before part j + 1 of any — a message that concatenates a tensor of 4 elements per
   * instance and one of 2 (per row) holds instance b at 4b… and at 4B + 2b…. One part: a block.
   */
  readonly parts: readonly number[];
  /** The raw draw this item is, if any. */
  readonly rawId?: string;
  readonly bits?: true;
  readonly message?: ViewItem['message'];
}

export function batchedShapes(instance: Shapes, mode: BatchMode, batch: number): Shapes {
  return Object.fromEntries(
    Object.entries(instance).map(([k, s]) => [
      k,
      mode === 'prepend' ? [batch, ...s] : mode === 'scale' ? [batch * (s[0] ?? 1), ...s.slice(1)] : s,
    ]),
  );
}

/** Where element t of an item sits in a batch of B: instance b's word is at base + b·stride. */
export interface Placement {
  readonly base: number;
  readonly stride: number;
}

const starts = new WeakMap<readonly number[], Int32Array>();

/** The placement of element t of an item laid out in `parts` (batch-layout PlannedItem.parts). */
export function placement(parts: readonly number[], t: number, batch: number): Placement {
  let start = starts.get(parts);
  if (start === undefined) {
    const n = parts.reduce((a, p) => a + p, 0);
    start = new Int32Array(n);
    let at = 0;
    for (const p of parts) {
      start.fill(at, at, at + p);
      at += p;
    }
    starts.set(parts, start);
  }
  const s = start[t]!;
  const stride = parts.length === 1 ? parts[0]! : partSize(parts, s);
  return { base: s * batch + (t - s), stride };
}

function partSize(parts: readonly number[], start: number): number {
  let at = 0;
  for (const p of parts) {
    if (at === start) return p;
    at += p;
  }
  return parts[parts.length - 1]!;
}

/** Element t of instance b of an item laid out in `parts` in a batch of B. */
export function position(parts: readonly number[], t: number, b: number, batch: number): number {
  const { base, stride } = placement(parts, t, batch);
  return base + b * stride;
}

/** `n` elements in equal parts of `size` (one part of n: a block). */
export const equalParts = (n: number, size: number): number[] => Array.from({ length: n / size }, () => size);

export const planned = (p: ViewItem, parts: readonly number[]): PlannedItem => ({
  name: p.name,
  role: p.role,
  width: p.width,
  perInstance: p.data.length,
  parts,
  ...(p.raw ? { rawId: p.raw.id } : {}),
  ...(p.bits ? { bits: true as const } : {}),
  ...(p.message ? { message: p.message } : {}),
});

/** Instances the batching check runs alone and together. */
export const VERIFY_INSTANCES = 8;
