// gelu_puma on clear values (spec/gelu/puma.ts): the same comparisons, powers, polynomials (a floor per
// term under the crypten schedule, one per polynomial under the default) and selections.
import type { RingTensor } from '../../core/ring.ts';
import { add, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluPumaParams, PUMA_CUBIC, PUMA_SEXTIC, pumaCuts } from '../../spec/gelu/puma.ts';
import {
  addConst,
  complement,
  ltPublic,
  mulConst,
  mulConstSum,
  mulFixed,
  mulRaw,
  squareFixed,
} from '../steps.ts';
import type { Reference } from '../types.ts';

type Terms = readonly (readonly [RingTensor, number])[];

const polynomial = (c: Config, terms: Terms, constant: number): RingTensor =>
  addConst(
    c,
    c.schedule === 'crypten' ? terms.map(([a, v]) => mulConst(c, a, v)).reduce(add) : mulConstSum(c, terms),
    constant,
  );

export function geluPuma(c: Config, x: RingTensor, p: GeluPumaParams): RingTensor {
  const [c0, c1, c2] = ltPublic(c, x, pumaCuts(p)) as [RingTensor, RingTensor, RingTensor];
  const x2 = squareFixed(c, x);
  const x3 = mulFixed(c, x, x2);
  const x4 = squareFixed(c, x2);
  const x6 = squareFixed(c, x3);
  const p3 = polynomial(
    c,
    [
      [x3, PUMA_CUBIC[3]],
      [x2, PUMA_CUBIC[2]],
      [x, PUMA_CUBIC[1]],
    ],
    PUMA_CUBIC[0],
  );
  const p6 = polynomial(
    c,
    [
      [x6, PUMA_SEXTIC.c6],
      [x4, PUMA_SEXTIC.c4],
      [x2, PUMA_SEXTIC.c2],
      [x, PUMA_SEXTIC.c1],
    ],
    PUMA_SEXTIC.c0,
  );
  const [s3, s6, sx] =
    p.form === 'puma' ? [sub(c1, c0), sub(c2, c1), complement(c2)] : [sub(c1, c0), sub(c1, c0), sub(c2, c1)];
  return add(add(mulRaw(s3, p3), mulRaw(s6, p6)), mulRaw(sx, x));
}

export const geluPumaReference: Reference<GeluPumaParams> = (c, p, inputs) => ({
  z: geluPuma(c, inputs['x']!, p),
});
