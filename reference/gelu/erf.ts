// gelu_erf on clear values (spec/gelu/erf.ts).
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { ErfParams } from '../../spec/kernels/erf.ts';
import { erf, mulConst } from '../steps.ts';
import type { Reference } from '../types.ts';
import { geluGate } from './gate.ts';

export const geluErf = (c: Config, x: RingTensor, p: ErfParams): RingTensor =>
  geluGate(c, x, erf(c, mulConst(c, x, Math.SQRT1_2), p));

export const geluErfReference: Reference<ErfParams> = (c, p, inputs) => ({ z: geluErf(c, inputs['x']!, p) });
