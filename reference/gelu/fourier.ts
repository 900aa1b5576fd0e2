// gelu_fourier on clear values (spec/gelu/fourier.ts): the same comparisons, series (mask t = 0) and
// selections, each floor exact.
import type { RingTensor } from '../../core/ring.ts';
import { add, mulScalar, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import {
  type GeluFourierParams,
  fourierBeta,
  fourierCuts,
  fourierOpening,
} from '../../spec/gelu/fourier-params.ts';
import { addConst, complement, ltPublic, mulInt, mulRaw, sineSeries, truncBits } from '../steps.ts';
import type { Reference } from '../types.ts';
import { geluGate } from './gate.ts';

export function geluFourier(c: Config, x: RingTensor, p: GeluFourierParams): RingTensor {
  const [c0, c1] = ltPublic(c, x, fourierCuts(p)) as [RingTensor, RingTensor];
  const o = fourierOpening(c, p);
  const F = sineSeries(c, o.factor === 1n ? x : mulInt(x, o.factor), {
    angle: o.angle,
    coefficients: fourierBeta(p),
  });
  if (c.schedule === 'crypten') {
    const one = 1n << BigInt(c.f);
    const e = add(sub(mulRaw(sub(c1, c0), F), mulScalar(c0, one)), mulScalar(complement(c1), one));
    return geluGate(c, x, e);
  }
  const half = truncBits(mulRaw(x, addConst(c, F, 1)), c.f + 1);
  return add(mulRaw(x, complement(c1)), mulRaw(half, sub(c1, c0)));
}

export const geluFourierReference: Reference<GeluFourierParams> = (c, p, inputs) => ({
  z: geluFourier(c, inputs['x']!, p),
});
