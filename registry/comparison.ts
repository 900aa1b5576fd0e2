// The comparison family (issue 3; ALGORITHMS.md §2): LTZ, two-operand comparisons, equality, sign,
// abs, ReLU, select and the reductions over the last axis, each under both schedules.
import { ltReference, gtReference, leReference, geReference } from '../reference/comparison/compare.ts';
import { eqReference } from '../reference/comparison/eq.ts';
import { ltzReference } from '../reference/comparison/ltz.ts';
import { argmaxReference, maxReference, minReference } from '../reference/comparison/reduce.ts';
import { reluReference } from '../reference/comparison/relu.ts';
import { selectReference } from '../reference/comparison/select.ts';
import { absReference, signReference } from '../reference/comparison/sign.ts';
import { geProtocol, gtProtocol, leProtocol, ltProtocol } from '../protocols/comparison/compare.ts';
import { eqProtocol } from '../protocols/comparison/eq.ts';
import { ltzProtocol } from '../protocols/comparison/ltz.ts';
import { argmaxProtocol, maxProtocol, minProtocol } from '../protocols/comparison/reduce.ts';
import { reluProtocol } from '../protocols/comparison/relu.ts';
import { selectProtocol } from '../protocols/comparison/select.ts';
import { absProtocol, signProtocol } from '../protocols/comparison/sign.ts';
import { geSpec, gtSpec, leSpec, ltSpec } from '../spec/comparison/compare.ts';
import { eqSpec } from '../spec/comparison/eq.ts';
import { ltzSpec } from '../spec/comparison/ltz.ts';
import { argmaxSpec, maxSpec, minSpec } from '../spec/comparison/reduce.ts';
import { reluSpec } from '../spec/comparison/relu.ts';
import { selectSpec } from '../spec/comparison/select.ts';
import { absSpec, signSpec } from '../spec/comparison/sign.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const comparisonProtocols: readonly RegisteredProtocol[] = [
  register(ltzSpec, ltzReference, ltzProtocol),
  register(ltSpec, ltReference, ltProtocol),
  register(gtSpec, gtReference, gtProtocol),
  register(leSpec, leReference, leProtocol),
  register(geSpec, geReference, geProtocol),
  register(eqSpec, eqReference, eqProtocol),
  register(signSpec, signReference, signProtocol),
  register(absSpec, absReference, absProtocol),
  register(reluSpec, reluReference, reluProtocol),
  register(selectSpec, selectReference, selectProtocol),
  register(maxSpec, maxReference, maxProtocol),
  register(argmaxSpec, argmaxReference, argmaxProtocol),
  register(minSpec, minReference, minProtocol),
];
