// References of the linear layers (spec/linear/): the exact ring products of the same operands, laid out
// by heads as the protocols lay them out, then the scale steps with exact floors; the bias added.
import { mergeHeads, splitHeads, transposeBatch } from '../../core/heads.ts';
import { ringTensor } from '../../core/ring.ts';
import { matmul, matmulBatch } from '../../core/ring-ops.ts';
import { addToRows } from '../../core/rows.ts';
import { type LinearParams, linearDims } from '../../spec/linear/dense.ts';
import { type AttentionScoresParams, scoreDims, scoreFactor } from '../../spec/linear/attention-scores.ts';
import type { AttentionContextParams } from '../../spec/linear/attention-context.ts';
import {
  type ScaleAttentionParams,
  scaleAttentionDims,
  scaleAttentionFactor,
} from '../../spec/linear/scale-attention.ts';
import type { Reference } from '../types.ts';
import { scaleRaw } from './scaling.ts';

export const linearReference: Reference<LinearParams> = (c, p, inputs, shapes) => {
  const { rows, k, n, lead } = linearDims(p, shapes);
  const x = inputs['x']!;
  const z = scaleRaw(c, matmul(ringTensor(x.ell, [rows, k], x.data), inputs['w']!), 1);
  const b = inputs['b'];
  const biased = b === undefined ? z : addToRows(z, b);
  return { z: ringTensor(biased.ell, [...lead, n], biased.data) };
};

export const attentionScoresReference: Reference<AttentionScoresParams> = (c, p, inputs, shapes) => {
  const { d } = scoreDims(p.heads, shapes);
  const raw = matmulBatch(
    splitHeads(inputs['q']!, p.heads),
    transposeBatch(splitHeads(inputs['k']!, p.heads)),
  );
  return { s: scaleRaw(c, raw, scoreFactor(d)) };
};

export const attentionContextReference: Reference<AttentionContextParams> = (c, p, inputs) => ({
  z: mergeHeads(scaleRaw(c, matmulBatch(inputs['p']!, splitHeads(inputs['v']!, p.heads)), 1)),
});

export const scaleAttentionReference: Reference<ScaleAttentionParams> = (c, p, inputs, shapes) => {
  const { m, d } = scaleAttentionDims(p.heads, shapes);
  const kv = scaleRaw(
    c,
    matmulBatch(transposeBatch(splitHeads(inputs['k']!, p.heads)), splitHeads(inputs['v']!, p.heads)),
    1,
  );
  const raw = matmulBatch(splitHeads(inputs['q']!, p.heads), kv);
  return { z: mergeHeads(scaleRaw(c, raw, scaleAttentionFactor(p, m, d))) };
};
