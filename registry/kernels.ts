// The numeric kernels (issue 6; ALGORITHMS.md §3): exp, reciprocal, inverse square root, sine, and the
// logistic functions, each as spec + reference + protocol.
import { expReference } from '../reference/kernels/exp.ts';
import { expTaylorReference } from '../reference/kernels/exp-taylor.ts';
import { reciprocalNrPosReference } from '../reference/kernels/reciprocal-nr.ts';
import { expProtocol } from '../protocols/kernels/exp.ts';
import { expTaylorProtocol } from '../protocols/kernels/exp-taylor.ts';
import { reciprocalNrPosProtocol } from '../protocols/kernels/reciprocal-nr.ts';
import { expSpec } from '../spec/kernels/exp.ts';
import { expTaylorSpec } from '../spec/kernels/exp-taylor.ts';
import { reciprocalNrPosSpec } from '../spec/kernels/reciprocal-nr.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const kernelProtocols: readonly RegisteredProtocol[] = [
  register(expSpec, expReference, expProtocol),
  register(expTaylorSpec, expTaylorReference, expTaylorProtocol),
  register(reciprocalNrPosSpec, reciprocalNrPosReference, reciprocalNrPosProtocol),
];
