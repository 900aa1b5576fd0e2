// ½·x·(1 + y) on clear values (spec/gelu/gate.ts), each floor exact.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { addConst, mulConst, mulFixed, mulRaw, truncBits } from '../steps.ts';

export function geluGate(c: Config, x: RingTensor, y: RingTensor): RingTensor {
  const g = addConst(c, y, 1);
  return c.schedule === 'crypten' ? mulFixed(c, mulConst(c, x, 0.5), g) : truncBits(mulRaw(x, g), c.f + 1);
}
