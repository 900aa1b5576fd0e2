// The linear layers of a transformer (issue 14; ALGORITHMS.md §1, §6): dense projections with the
// owner's weights, attention scores and context per head, and MPCViT's reassociated ScaleAttn.
import {
  attentionContextReference,
  attentionScoresReference,
  linearReference,
  scaleAttentionReference,
} from '../reference/linear/linear.ts';
import {
  attentionContextProtocol,
  attentionScoresProtocol,
  linearProtocol,
  scaleAttentionProtocol,
} from '../protocols/linear/linear.ts';
import { linearSpec } from '../spec/linear/dense.ts';
import { attentionScoresSpec } from '../spec/linear/attention-scores.ts';
import { attentionContextSpec } from '../spec/linear/attention-context.ts';
import { scaleAttentionSpec } from '../spec/linear/scale-attention.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const linearProtocols: readonly RegisteredProtocol[] = [
  register(linearSpec, linearReference, linearProtocol),
  register(attentionScoresSpec, attentionScoresReference, attentionScoresProtocol),
  register(attentionContextSpec, attentionContextReference, attentionContextProtocol),
  register(scaleAttentionSpec, scaleAttentionReference, scaleAttentionProtocol),
];
