// `--inputs FILE`: a JSON object of named arrays of numbers, e.g. {"x":[1,2],"y":[3,4]}; nested arrays
// give matrices ({"x":[[1,2],[3,4]]} is 2×2). Ring-integer inputs may also be decimal strings, for
// values beyond 2^53. Decoded with io-ts; every failure names the file, the JSON path and the reason.
import * as t from 'io-ts';
import { inputError } from '../core/errors.ts';
import type { Shape } from '../core/shape.ts';
import { formatShape, sameShape } from '../core/shape.ts';
import { decodeOrThrow } from '../core/validation.ts';

export type Scalar = number | bigint;
export interface NestedValues {
  readonly shape: Shape;
  readonly values: Scalar[];
}

const IntegerString = t.refinement(t.string, (s) => /^-?\d+$/.test(s), 'IntegerString');
const Leaf = t.union([t.number, IntegerString]);
type Tree = t.TypeOf<typeof Leaf> | readonly Tree[];
const TreeCodec: t.Type<Tree> = t.recursion('NumberArray', () => t.union([Leaf, t.readonlyArray(TreeCodec)]));
export const UserInputs = t.record(t.string, t.readonlyArray(TreeCodec));

function flatten(name: string, tree: Tree, path: string): NestedValues {
  if (!Array.isArray(tree)) {
    const leaf = tree as t.TypeOf<typeof Leaf>;
    return { shape: [], values: [typeof leaf === 'string' ? BigInt(leaf) : leaf] };
  }
  const parts = (tree as readonly Tree[]).map((c, i) => flatten(name, c, `${path}[${i}]`));
  const first = parts[0];
  if (first === undefined) return { shape: [0], values: [] };
  parts.forEach((p, i) => {
    if (!sameShape(p.shape, first.shape)) {
      throw inputError(
        `${name}: ${path}[${i}] has shape ${formatShape(p.shape)} but ${path}[0] has ${formatShape(first.shape)}; arrays must be rectangular`,
      );
    }
  });
  return { shape: [parts.length, ...first.shape], values: parts.flatMap((p) => p.values) };
}

export function parseUserInputs(json: unknown, where: string): Record<string, NestedValues> {
  const decoded = decodeOrThrow(UserInputs, json, where);
  return Object.fromEntries(
    Object.entries(decoded).map(([name, tree]) => [name, flatten(where, tree, `$.${name}`)]),
  );
}
