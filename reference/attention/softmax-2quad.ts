// Reference of 2Quad (spec/attention/softmax-2quad.ts): ⌊(x + c)²⌋ — the same floor whether the protocol
// squares or multiplies — then the denominator.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { Softmax2QuadParams } from '../../spec/attention/softmax-2quad.ts';
import type { Reference } from '../types.ts';
import { addConst, normalizeRows, squareFixed } from '../steps.ts';

export const softmax2Quad = (c: Config, x: RingTensor, p: Softmax2QuadParams): RingTensor =>
  normalizeRows(c, squareFixed(c, addConst(c, x, p.c)), p.denominator, 0);

export const softmax2QuadReference: Reference<Softmax2QuadParams> = (c, p, inputs) => ({
  z: softmax2Quad(c, inputs['x']!, p),
});
