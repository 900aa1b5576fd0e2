// A dense layer z = x·W + b with the weights of their owner (ALGORITHMS.md §1 "Input sharing", "Matrix
// multiply"; §6; docs/models.md): the owner shares W and b (free by zero-sharing, as CrypTen's
// cryptensor(src=owner)), then one matrix triple opens E = x − A and F = W − B together — |x| + |W|
// elements a party, what CrypTen's beaver matmul opens — the product is truncated and the shared bias
// added locally. The Q, K, V, output and both feed-forward projections of every encoder layer are this
// protocol; x's leading axes are rows (tokens).
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { par, seq } from '../cost.ts';
import { real } from '../domains.ts';
import { matmulFixedCost } from '../arithmetic/cost.ts';
import { shareCost } from '../arithmetic/share.ts';
import { errorModel } from '../arithmetic/tracked.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { ACTIVATION_CAP, Owner, WEIGHT_CAP, operandBounds, ownerUnsupported } from './operands.ts';
import { scaledProductBounds } from './scaling.ts';

export const LinearParams = t.type({ owner: Owner, bias: t.boolean });
export type LinearParams = t.TypeOf<typeof LinearParams>;

/** Rows (x's leading axes), inner dimension k and output width n of x [..., k]·W [k, n]. */
export function linearDims(
  p: LinearParams,
  shapes: Readonly<Record<string, Shape>>,
): { rows: number; k: number; n: number; lead: Shape } {
  const x = inputShape(shapes, 'x', 'linear');
  const w = inputShape(shapes, 'w', 'linear');
  const k = x[x.length - 1];
  if (k === undefined || w.length !== 2 || w[0] !== k)
    throw inputError(
      `linear: shape mismatch: x is ${formatShape(x)} and w is ${formatShape(w)}; need x [..., k] and w [k, n]`,
    );
  const n = w[1]!;
  if (p.bias) {
    const b = inputShape(shapes, 'b', 'linear');
    if (b.length !== 1 || b[0] !== n)
      throw inputError(
        `linear: shape mismatch: b is ${formatShape(b)}, w is ${formatShape(w)}; need b [${n}]`,
      );
  }
  const lead = x.slice(0, -1);
  return { rows: sizeOf(lead), k, n, lead };
}

const bounds = (config: Config, k: number) => operandBounds(config, k, ACTIVATION_CAP, WEIGHT_CAP);

/** The owner's W and b as share steps see them. */
export const weightSharing = (p: LinearParams) => ({ owner: p.owner, variant: 'profile' as const });

export const linearSpec: ProtocolSpec<LinearParams> = {
  id: 'linear',
  title: 'Dense layer x·W + b, the weights shared by their owner',
  family: 'linear',
  source:
    'ALGORITHMS.md §1 Matrix multiply; CrypTen 0.4 nn.Linear (matmul with a beaver matrix triple); docs/models.md',
  params: LinearParams,
  defaults: { owner: 0 as t.Int, bias: true },
  variants: [
    { owner: 1 as t.Int, bias: false },
    { owner: 1 as t.Int, bias: true },
  ],
  inputs: (p) => [
    { name: 'x', holder: 'shared', scale: 'fixed' },
    { name: 'w', holder: 'owner', owner: p.owner, scale: 'fixed' },
    ...(p.bias ? [{ name: 'b', holder: 'owner' as const, owner: p.owner, scale: 'fixed' as const }] : []),
  ],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (p, size) => ({ x: [2, size], w: [size, size], ...(p.bias ? { b: [size] } : {}) }),
  shapesFor: (p, principal) => {
    const k = principal[principal.length - 1] ?? 1;
    return { x: principal, w: [k, k], ...(p.bias ? { b: [k] } : {}) };
  },
  outputShapes: (p, shapes) => {
    const { lead, n } = linearDims(p, shapes);
    return { z: [...lead, n] };
  },
  unsupported: (config, p) => ownerUnsupported(config, p.owner),
  domain: (config, p, shapes) => {
    const { left, right } = bounds(config, linearDims(p, shapes).k);
    return { x: real(-left, left), w: real(-right, right), b: real(-left, left) };
  },
  ideal: (p, inputs, shapes) => {
    const { rows, k, n } = linearDims(p, shapes);
    const x = inputs['x']!;
    const w = inputs['w']!;
    const b = inputs['b'];
    const z = new Float64Array(rows * n);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < n; j++) z[i * n + j] = b === undefined ? 0 : b[j]!;
      for (let q = 0; q < k; q++) {
        const v = x[i * k + q]!;
        for (let j = 0; j < n; j++) z[i * n + j]! += v * w[q * n + j]!;
      }
    }
    return { z };
  },
  cost: (config, p, shapes) => {
    const { rows, k, n } = linearDims(p, shapes);
    const sharing = weightSharing(p);
    return seq(
      config,
      par(config, shareCost(config, sharing, k * n), shareCost(config, sharing, p.bias ? n : 0)),
      matmulFixedCost(config, 1, rows, k, n),
    );
  },
  bounds: (config, p, shapes) => {
    const { k } = linearDims(p, shapes);
    const { left, right } = bounds(config, k);
    return scaledProductBounds(errorModel(config), 1, k, k * left * right);
  },
};
