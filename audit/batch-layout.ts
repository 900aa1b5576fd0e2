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
  /** Layout in a batch of B: element t of instance b is at ⌊t/s⌋·s·B + b·s + t mod s (s = segment). */
  readonly segment: number;
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

/** Element t of instance b of an item laid out with segment s in a batch of B. */
export const position = (t: number, b: number, s: number, batch: number): number =>
  Math.floor(t / s) * s * batch + b * s + (t % s);

export const planned = (p: ViewItem, segment: number): PlannedItem => ({
  name: p.name,
  role: p.role,
  width: p.width,
  perInstance: p.data.length,
  segment,
  ...(p.raw ? { rawId: p.raw.id } : {}),
  ...(p.bits ? { bits: true as const } : {}),
  ...(p.message ? { message: p.message } : {}),
});

/** Instances the batching check runs alone and together. */
export const VERIFY_INSTANCES = 8;
