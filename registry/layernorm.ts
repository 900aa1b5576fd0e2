// LayerNorm (ALGORITHMS.md §4, §6): spec + reference + protocol over the last axis, with the inverse
// square root of SecFormer (Goldschmidt), of CrypTen (Newton) or CrypTen-style sqrt then reciprocal.
import { layerNormReference } from '../reference/layernorm/layernorm.ts';
import { layerNormProtocol } from '../protocols/layernorm/layernorm.ts';
import { layerNormSpec } from '../spec/layernorm/layernorm.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const layerNormProtocols: readonly RegisteredProtocol[] = [
  register(layerNormSpec, layerNormReference, layerNormProtocol),
];
