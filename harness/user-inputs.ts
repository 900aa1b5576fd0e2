// `--inputs FILE`: a JSON object of named arrays of numbers, e.g. {"x":[1,2],"y":[3,4]}; nested arrays
// give matrices ({"x":[[1,2],[3,4]]} is 2×2). Ring-integer inputs may also be decimal strings, for
// values beyond 2^53. Decoded with io-ts; every failure names the file, the JSON path and the reason.
// An array is decoded by one codec that walks it once, checking each leaf and that the array is
// rectangular, into its shape and flat values: a union codec per leaf took seconds per million values.
import * as t from 'io-ts';
import type { Shape } from '../core/shape.ts';
import { formatShape, sameShape } from '../core/shape.ts';
import { decodeOrThrow } from '../core/validation.ts';

export type Scalar = number | bigint;
export interface NestedValues {
  readonly shape: Shape;
  readonly values: Scalar[];
}

const INTEGER_STRING = /^-?\d+$/;
/** What one element may be (the name is what an error says was expected). */
const Leaf = new t.Type<Scalar, unknown, unknown>(
  'number or IntegerString',
  (u): u is Scalar => typeof u === 'number' || typeof u === 'bigint',
  (u, c) =>
    typeof u === 'number'
      ? t.success(u)
      : typeof u === 'string' && INTEGER_STRING.test(u)
        ? t.success(BigInt(u))
        : t.failure(u, c),
  (a) => a,
);

/** A rectangular array of any depth, as its shape and its values in row-major order. */
const NumberArray: t.Type<NestedValues, unknown, unknown> = new t.Type<NestedValues, unknown, unknown>(
  'array of numbers',
  (u): u is NestedValues => typeof u === 'object' && u !== null && 'shape' in u && 'values' in u,
  (u, c) => {
    const values: Scalar[] = [];
    let failure: t.Validation<NestedValues> | undefined;
    const at = (
      ctx: t.Context,
      key: number,
      actual: unknown,
      type: t.Decoder<unknown, unknown>,
    ): t.Context => [...ctx, { key: String(key), type, actual }];
    /** The shape of `node`, its leaves appended to `values`; undefined once a failure is recorded. */
    const walk = (node: unknown, ctx: t.Context): Shape | undefined => {
      if (!Array.isArray(node)) {
        const leaf = Leaf.validate(node, ctx);
        if (leaf._tag === 'Left') {
          failure = t.failure(node, leaf.left[0]!.context);
          return undefined;
        }
        values.push(leaf.right);
        return [];
      }
      let first: Shape | undefined;
      for (let i = 0; i < node.length; i++) {
        const shape = walk(node[i], at(ctx, i, node[i], Array.isArray(node[i]) ? NumberArray : Leaf));
        if (shape === undefined) return undefined;
        if (first === undefined) first = shape;
        else if (!sameShape(shape, first)) {
          failure = t.failure(
            node[i],
            at(ctx, i, node[i], NumberArray),
            `has shape ${formatShape(shape)} but element 0 has ${formatShape(first)}; arrays must be rectangular`,
          );
          return undefined;
        }
      }
      return [node.length, ...(first ?? [])];
    };
    if (!Array.isArray(u)) return t.failure(u, c);
    const shape = walk(u, c);
    return failure ?? t.success({ shape: shape!, values });
  },
  () => {
    throw new Error('NumberArray is decode-only');
  },
);

export const UserInputs = t.record(t.string, NumberArray);

export function parseUserInputs(json: unknown, where: string): Record<string, NestedValues> {
  return decodeOrThrow(UserInputs, json, where);
}
