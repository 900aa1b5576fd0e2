// gelu_quad on clear values (spec/gelu/quad.ts).
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluQuadParams, quadCoefficients } from '../../spec/gelu/quad.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import { addConst, mulConst, mulFixed, mulInt, squareRaw, truncBits } from '../steps.ts';
import type { Reference } from '../types.ts';

export function geluQuad(c: Config, x: RingTensor, p: GeluQuadParams): RingTensor {
  const [, linear, constant] = quadCoefficients(p);
  const terms =
    c.schedule === 'crypten'
      ? add(mulFixed(c, mulConst(c, x, 0.125), x), mulConst(c, x, linear))
      : truncBits(add(squareRaw(x), mulInt(x, 8n * encodedConstant(c, linear))), c.f + 3);
  return addConst(c, terms, constant);
}

export const geluQuadReference: Reference<GeluQuadParams> = (c, p, inputs) => ({
  z: geluQuad(c, inputs['x']!, p),
});
