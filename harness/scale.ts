// Reading and writing values by their declared scale (spec/types.ts Scale): fixed point uses the run's
// f and rounding, integers are exact, bits are 0/1.
import { inputError } from '../core/errors.ts';
import { decode, encode } from '../core/fixed.ts';
import { type RingTensor, fromIntegers } from '../core/ring.ts';
import type { Shape } from '../core/shape.ts';
import type { Config } from '../spec/config.ts';
import type { Scale } from '../spec/types.ts';

export function encodeByScale(
  values: readonly (number | bigint)[],
  shape: Shape,
  scale: Scale,
  config: Config,
  name: string,
): RingTensor {
  if (scale === 'fixed') {
    const nums = values.map((v) => (typeof v === 'number' ? v : Number(v)));
    return encode(nums, shape, config, name);
  }
  const ints = values.map((v, i) => {
    if (typeof v === 'bigint') return v;
    if (!Number.isSafeInteger(v))
      throw inputError(
        `${name}[${i}]: ${v} is not an integer (this input is read as a ${scale === 'bit' ? 'bit' : 'ring integer'})`,
      );
    return BigInt(v);
  });
  const limit = 1n << BigInt(config.ell - 1);
  ints.forEach((v, i) => {
    if (scale === 'bit' && v !== 0n && v !== 1n)
      throw inputError(`${name}[${i}]: ${v} is not a bit (0 or 1)`);
    if (v < -limit || v >= 2n * limit)
      throw inputError(
        `${name}[${i}]: ${v} does not fit in Z_2^${config.ell} (use −2^${config.ell - 1} … 2^${config.ell} − 1)`,
      );
  });
  return fromIntegers(config.ell, shape, ints);
}

export function decodeByScale(t: RingTensor, scale: Scale, config: Config): Float64Array {
  return scale === 'fixed' ? decode(t, config.f) : decode(t, 0);
}

/** One ulp of the scale, in real units. */
export const scaleUlp = (scale: Scale, config: Config): number => (scale === 'fixed' ? 2 ** -config.f : 1);
