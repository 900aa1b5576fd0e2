// Shape rules shared by specs: elementwise operands must agree; a run of `size` is a vector of size.
import { inputError } from '../core/errors.ts';
import { type Shape, formatShape, sameShape } from '../core/shape.ts';

export function inputShape(shapes: Readonly<Record<string, Shape>>, name: string, op: string): Shape {
  const s = shapes[name];
  if (s === undefined) throw inputError(`${op}: missing input '${name}'`);
  return s;
}

/** All named inputs share one shape; that shape is returned. */
export function elementwiseShape(
  op: string,
  shapes: Readonly<Record<string, Shape>>,
  names: readonly string[],
): Shape {
  const first = inputShape(shapes, names[0]!, op);
  for (const n of names.slice(1)) {
    const s = inputShape(shapes, n, op);
    if (!sameShape(first, s)) {
      throw inputError(
        `${op}: shape mismatch: ${names[0]} is ${formatShape(first)} but ${n} is ${formatShape(s)}`,
      );
    }
  }
  return first;
}

export const vectorShapes = (names: readonly string[], size: number): Record<string, Shape> =>
  Object.fromEntries(names.map((n) => [n, [size]]));
