// Reference of the secure sine and the sine series (spec/kernels/sin.ts, spec/kernels/sine-series.ts):
// the protocol's steps with the mask t = 0 — per element the fraction of a period the value stands for
// (reduced in ring units first, exact), then enc(sin(2πk·x/P)) per frequency, or Σₖ enc(βₖ·sin(2πk·u/M))
// over the harmonics.
import { type RingTensor, fromSafeIntegers, ringMask, ringTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { angleFractions, encodeFrequenciesInto, encodeHarmonicsWords } from '../../spec/kernels/angle.ts';
import { type SinParams, sinAngle } from '../../spec/kernels/sin.ts';
import type { SineSeriesParams } from '../../spec/kernels/sine-series.ts';
import type { Reference } from '../types.ts';

export function sin(c: Config, x: RingTensor, p: SinParams): RingTensor {
  const K = p.frequencies.length;
  const fractions = angleFractions(sinAngle(c, p), c.ell, x.data);
  const s = new Float64Array(x.data.length * K);
  const co = new Float64Array(x.data.length * K);
  for (let i = 0; i < fractions.length; i++)
    encodeFrequenciesInto(c, fractions[i]!, p.frequencies, s, co, i * K);
  return fromSafeIntegers(c.ell, [...x.shape, K], s);
}

export function sineSeries(c: Config, u: RingTensor, p: SineSeriesParams): RingTensor {
  const K = p.coefficients.length;
  const n = u.data.length;
  const s = new BigUint64Array(n * K);
  const co = new BigUint64Array(n * K);
  encodeHarmonicsWords(c, angleFractions(p.angle, c.ell, u.data), K, p.coefficients, s, co);
  const m = ringMask(c.ell);
  const sum = new BigUint64Array(n);
  for (let k = 0; k < K; k++) for (let i = 0; i < n; i++) sum[i] = (sum[i]! + s[k * n + i]!) & m;
  return ringTensor(c.ell, u.shape, sum);
}

export const sinReference: Reference<SinParams> = (c, p, inputs) => ({ z: sin(c, inputs['x']!, p) });
