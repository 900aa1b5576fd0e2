// gelu_tanh on clear values (spec/gelu/tanh.ts), each floor exact.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { SQRT_2_OVER_PI, TANH_GELU_CUBIC } from '../../spec/gelu/tanh.ts';
import { mulConst, mulConstSum, mulFixed, squareFixed, tanh } from '../steps.ts';
import type { Reference } from '../types.ts';
import { geluGate } from './gate.ts';

export function geluTanh(c: Config, x: RingTensor): RingTensor {
  const cube = mulFixed(c, squareFixed(c, x), x);
  const y =
    c.schedule === 'crypten'
      ? mulConst(c, add(x, mulConst(c, cube, TANH_GELU_CUBIC)), SQRT_2_OVER_PI)
      : mulConstSum(c, [
          [x, SQRT_2_OVER_PI],
          [cube, TANH_GELU_CUBIC * SQRT_2_OVER_PI],
        ]);
  return geluGate(c, x, tanh(c, y));
}

export const geluTanhReference: Reference<NoParams> = (c, _p, inputs) => ({ z: geluTanh(c, inputs['x']!) });
