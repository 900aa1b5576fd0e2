// The denominator of the attention normalisers on clear values (spec/attention/denominator.ts): the row
// sum (+ ε), deflated by the public c = enc(1/D), its reciprocal, and the product with the numerators —
// with c applied to r (crypten schedule) or to the product (default schedule). Floors exact.
import type { RingTensor } from '../../core/ring.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../../spec/config.ts';
import { type Denominator, deflationDivisor, takesSignStep } from '../../spec/attention/denominator.ts';
import { addConst, mulConst } from '../arithmetic/fixed-point.ts';
import { reciprocalGoldschmidt } from '../kernels/reciprocal-goldschmidt.ts';
import { reciprocalNrPos } from '../kernels/reciprocal-nr.ts';
import { reciprocalNr } from '../kernels/reciprocal-nr-signed.ts';
import { mulFixedByRow, rowSum } from '../rows.ts';

function reciprocal(c: Config, p: Denominator, s: RingTensor): RingTensor {
  if (p.method === 'goldschmidt') return reciprocalGoldschmidt(c, s, { t: p.t, eta: 1 });
  return takesSignStep(c, p) ? reciprocalNr(c, s, p.iterations) : reciprocalNrPos(c, s, p.iterations);
}

/** y = g / (Σ_row g + ε), g of shape [..., n]. */
export function normalizeRows(c: Config, g: RingTensor, p: Denominator, epsilon: number): RingTensor {
  const { n } = rowDims('normalizeRows', 'numerators', g.shape);
  const D = deflationDivisor(p, n);
  const sum = epsilon === 0 ? rowSum(g) : addConst(c, rowSum(g), epsilon);
  const scaled = D === 1 ? sum : mulConst(c, sum, 1 / D);
  const r = reciprocal(c, p, scaled);
  if (D === 1) return mulFixedByRow(c, g, r);
  if (c.schedule === 'crypten') return mulFixedByRow(c, g, mulConst(c, r, 1 / D));
  return mulConst(c, mulFixedByRow(c, g, r), 1 / D);
}
