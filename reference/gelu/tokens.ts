// gelu_tokens on clear values (spec/gelu/tokens.ts): the chosen variant on the kept rows, identity on
// the others.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluTokensParams, keptTokens, tokenCount } from '../../spec/gelu/tokens.ts';
import { putRows, takeRows } from '../steps.ts';
import type { Reference } from '../types.ts';
import { geluChoice } from './choice.ts';

export function geluTokens(c: Config, x: RingTensor, p: GeluTokensParams): RingTensor {
  const kept = keptTokens(p.tokens, tokenCount(x.shape));
  return kept.length === 0 ? x : putRows(x, kept, geluChoice(c, takeRows(x, kept), p.gelu));
}

export const geluTokensReference: Reference<GeluTokensParams> = (c, p, inputs) => ({
  z: geluTokens(c, inputs['x']!, p),
});
