// The attention normalisers (ALGORITHMS.md §4, §6): softmax and the replacements of it in MPCFormer,
// SecFormer, MPCViT and PriViT, each as spec + reference + protocol over rows of attention scores.
import { softmaxTaylorReference } from '../reference/attention/softmax-taylor.ts';
import { softmaxTaylorProtocol } from '../protocols/attention/softmax-taylor.ts';
import { softmaxTaylorSpec } from '../spec/attention/softmax-taylor.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const attentionProtocols: readonly RegisteredProtocol[] = [
  register(softmaxTaylorSpec, softmaxTaylorReference, softmaxTaylorProtocol),
];
