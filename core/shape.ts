// Tensor shapes: row-major, the last axis is the "row" (DESIGN.md, Values).
import { inputError } from './errors.ts';

export type Shape = readonly number[];

export const sizeOf = (shape: Shape): number => shape.reduce((acc, d) => acc * d, 1);

export const formatShape = (shape: Shape): string => `[${shape.join(', ')}]`;

export const sameShape = (a: Shape, b: Shape): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

export function assertShape(shape: Shape, what: string): void {
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw inputError(
        `${what}: shape ${formatShape(shape)} has a dimension that is not a non-negative integer`,
      );
    }
  }
}

export function assertSameShape(
  op: string,
  a: Shape,
  b: Shape,
  names: readonly [string, string] = ['a', 'b'],
): void {
  if (!sameShape(a, b)) {
    throw inputError(
      `${op}: shape mismatch: ${names[0]} is ${formatShape(a)} but ${names[1]} is ${formatShape(b)}`,
    );
  }
}
