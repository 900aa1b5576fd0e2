// The attention normalisers (ALGORITHMS.md §4, §6): softmax and the replacements of it in MPCFormer,
// SecFormer, MPCViT and PriViT, each as spec + reference + protocol over rows of attention scores.
import { attentionHeadsReference } from '../reference/attention/attention-heads.ts';
import { attentionRowsReference } from '../reference/attention/attention-rows.ts';
import { softmaxReference } from '../reference/attention/softmax.ts';
import { softmax2QuadReference } from '../reference/attention/softmax-2quad.ts';
import { softmaxReluReference } from '../reference/attention/softmax-relu.ts';
import { softmaxScaleReference } from '../reference/attention/softmax-scale.ts';
import { softmaxSquaredReference } from '../reference/attention/softmax-squared.ts';
import { softmaxTaylorReference } from '../reference/attention/softmax-taylor.ts';
import { attentionHeadsProtocol } from '../protocols/attention/attention-heads.ts';
import { attentionRowsProtocol } from '../protocols/attention/attention-rows.ts';
import { softmaxProtocol } from '../protocols/attention/softmax.ts';
import { softmax2QuadProtocol } from '../protocols/attention/softmax-2quad.ts';
import { softmaxReluProtocol } from '../protocols/attention/softmax-relu.ts';
import { softmaxScaleProtocol } from '../protocols/attention/softmax-scale.ts';
import { softmaxSquaredProtocol } from '../protocols/attention/softmax-squared.ts';
import { softmaxTaylorProtocol } from '../protocols/attention/softmax-taylor.ts';
import { attentionHeadsSpec } from '../spec/attention/attention-heads.ts';
import { attentionRowsSpec } from '../spec/attention/attention-rows.ts';
import { softmaxSpec } from '../spec/attention/softmax.ts';
import { softmax2QuadSpec } from '../spec/attention/softmax-2quad.ts';
import { softmaxReluSpec } from '../spec/attention/softmax-relu.ts';
import { softmaxScaleSpec } from '../spec/attention/softmax-scale.ts';
import { softmaxSquaredSpec } from '../spec/attention/softmax-squared.ts';
import { softmaxTaylorSpec } from '../spec/attention/softmax-taylor.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const attentionProtocols: readonly RegisteredProtocol[] = [
  register(softmaxSpec, softmaxReference, softmaxProtocol),
  register(softmax2QuadSpec, softmax2QuadReference, softmax2QuadProtocol),
  register(softmaxTaylorSpec, softmaxTaylorReference, softmaxTaylorProtocol),
  register(softmaxReluSpec, softmaxReluReference, softmaxReluProtocol),
  register(softmaxScaleSpec, softmaxScaleReference, softmaxScaleProtocol),
  register(softmaxSquaredSpec, softmaxSquaredReference, softmaxSquaredProtocol),
  register(attentionHeadsSpec, attentionHeadsReference, attentionHeadsProtocol),
  register(attentionRowsSpec, attentionRowsReference, attentionRowsProtocol),
];
