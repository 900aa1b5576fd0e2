// Matrix multiplication with a matrix triple (ALGORITHMS.md §1): open E = X − A and F = Y − B together
// (1 round, (mk + kn)·ℓ bits to each other party); Z = C + E·B + A·F, party 0 adds E·F; then truncation.
// Reference: ⌊X·Y / 2^f⌋ elementwise on the exact integer product.
import { inputError } from '../../core/errors.ts';
import { formatShape } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import { dealerCost, openToAllCost, par, seq } from '../cost.ts';
import { real } from '../domains.ts';
import { MATMUL_TRIPLE } from '../material.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { truncationBounds, truncationCost } from './truncation.ts';
import type { Shape } from '../../core/shape.ts';

export function matmulDims(shapes: Readonly<Record<string, Shape>>): { m: number; k: number; n: number } {
  const x = inputShape(shapes, 'x', 'matmul');
  const y = inputShape(shapes, 'y', 'matmul');
  if (x.length !== 2 || y.length !== 2 || x[1] !== y[0]) {
    throw inputError(
      `matmul: shape mismatch: x is ${formatShape(x)} and y is ${formatShape(y)}; need x [m, k] and y [k, n]`,
    );
  }
  return { m: x[0]!, k: x[1]!, n: y[1]! };
}

/** Entry bound so that a k-term dot product before truncation stays below 2^(ℓ−3), capped at 10. */
const entryBound = (config: Config, k: number): number =>
  Math.min(10, 2 ** ((config.ell - 3 - 2 * config.f - Math.log2(Math.max(1, k))) / 2));

export const matmulSpec: ProtocolSpec<NoParams> = {
  id: 'matmul',
  title: 'Matrix multiplication with a matrix triple',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Products (matrix); SecureML (Mohassel & Zhang 2017) §4',
  params: NoParams,
  defaults: {},
  inputs: () => [
    { name: 'x', holder: 'shared', scale: 'fixed' },
    { name: 'y', holder: 'shared', scale: 'fixed' },
  ],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => ({ x: [size, size], y: [size, size] }),
  outputShapes: (_p, shapes) => {
    const { m, n } = matmulDims(shapes);
    return { z: [m, n] };
  },
  domain: (config, _p, shapes) => {
    const B = entryBound(config, matmulDims(shapes).k);
    return { x: real(-B, B), y: real(-B, B) };
  },
  ideal: (_p, inputs, shapes) => {
    const { m, k, n } = matmulDims(shapes);
    const x = inputs['x']!;
    const y = inputs['y']!;
    const z = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) z[i * n + j]! += x[i * k + p]! * y[p * n + j]!;
    return { z };
  },
  cost: (config, _p, shapes) => {
    const { m, k, n } = matmulDims(shapes);
    return seq(
      config,
      par(
        config,
        dealerCost(config, MATMUL_TRIPLE, 1, m * k + k * n + m * n),
        openToAllCost(config, m * k + k * n),
      ),
      truncationCost(config, m * n),
    );
  },
  // A dot product of k terms of at most B each, before truncation, is below k·B²·2^(2f) ring units: the
  // wrap probability grows with k. The ideal sum is exact in float64 only up to rounding: 1e-12 relative.
  bounds: (config, _p, shapes) => {
    const { k } = matmulDims(shapes);
    const B = entryBound(config, k);
    return {
      ...truncationBounds(config, config.f, k * B * B * 2 ** (2 * config.f)),
      approximation: { abs: 2 ** -config.f, rel: 1e-12 },
    };
  },
};
