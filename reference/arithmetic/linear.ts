// References of the local linear operations and public-constant operations (spec/arithmetic/linear.ts,
// spec/arithmetic/public-constant.ts).
import type { RingTensor } from '../../core/ring.ts';
import { add, addScalar, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import type { NoParams } from '../../spec/codecs.ts';
import {
  type ConstParams,
  type IntConstParams,
  encodedConstant,
} from '../../spec/arithmetic/public-constant.ts';
import type { Reference } from '../types.ts';

const x = (inputs: Readonly<Record<string, RingTensor>>): RingTensor => inputs['x']!;
const y = (inputs: Readonly<Record<string, RingTensor>>): RingTensor => inputs['y']!;

export const addReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: add(x(inputs), y(inputs)) });
export const subReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: sub(x(inputs), y(inputs)) });
export const negReference: Reference<NoParams> = (_c, _p, inputs) => ({ z: neg(x(inputs)) });
export const addConstReference: Reference<ConstParams> = (c, p, inputs) => ({
  z: addScalar(x(inputs), encodedConstant(c, p.c)),
});
export const mulConstReference: Reference<ConstParams> = (c, p, inputs) => ({
  z: shiftRightArith(mulScalar(x(inputs), encodedConstant(c, p.c)), c.f),
});
export const mulIntReference: Reference<IntConstParams> = (_c, p, inputs) => ({
  z: mulScalar(x(inputs), BigInt(p.k)),
});
