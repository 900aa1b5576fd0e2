// The numeric kernels (issue 6; ALGORITHMS.md §3): exp, reciprocal, inverse square root, sine, and the
// logistic functions, each as spec + reference + protocol.
import { invSqrtNrReference, sqrtReference } from '../reference/kernels/inv-sqrt-nr.ts';
import { invSqrtGoldschmidtReference } from '../reference/kernels/inv-sqrt-goldschmidt.ts';
import { sinReference } from '../reference/kernels/sin.ts';
import { erfReference } from '../reference/kernels/erf.ts';
import { reciprocalNrReference } from '../reference/kernels/reciprocal-nr-signed.ts';
import { sigmoidReference, tanhReference } from '../reference/kernels/logistic.ts';
import { expReference } from '../reference/kernels/exp.ts';
import { expTaylorReference } from '../reference/kernels/exp-taylor.ts';
import { reciprocalNrPosReference } from '../reference/kernels/reciprocal-nr.ts';
import { reciprocalGoldschmidtReference } from '../reference/kernels/reciprocal-goldschmidt.ts';
import { invSqrtNrProtocol, sqrtProtocol } from '../protocols/kernels/inv-sqrt-nr.ts';
import { invSqrtGoldschmidtProtocol } from '../protocols/kernels/inv-sqrt-goldschmidt.ts';
import { sinProtocol } from '../protocols/kernels/sin.ts';
import { erfProtocol } from '../protocols/kernels/erf.ts';
import { reciprocalNrProtocol } from '../protocols/kernels/reciprocal-nr-signed.ts';
import { sigmoidProtocol, tanhProtocol } from '../protocols/kernels/logistic.ts';
import { expProtocol } from '../protocols/kernels/exp.ts';
import { expTaylorProtocol } from '../protocols/kernels/exp-taylor.ts';
import { reciprocalNrPosProtocol } from '../protocols/kernels/reciprocal-nr.ts';
import { reciprocalGoldschmidtProtocol } from '../protocols/kernels/reciprocal-goldschmidt.ts';
import { invSqrtNrSpec } from '../spec/kernels/inv-sqrt-nr.ts';
import { sqrtSpec } from '../spec/kernels/sqrt.ts';
import { invSqrtGoldschmidtSpec } from '../spec/kernels/inv-sqrt-goldschmidt.ts';
import { sinSpec } from '../spec/kernels/sin.ts';
import { erfSpec } from '../spec/kernels/erf.ts';
import { reciprocalNrSpec } from '../spec/kernels/reciprocal-nr-signed.ts';
import { sigmoidSpec, tanhSpec } from '../spec/kernels/logistic.ts';
import { expSpec } from '../spec/kernels/exp.ts';
import { expTaylorSpec } from '../spec/kernels/exp-taylor.ts';
import { reciprocalNrPosSpec } from '../spec/kernels/reciprocal-nr.ts';
import { reciprocalGoldschmidtSpec } from '../spec/kernels/reciprocal-goldschmidt.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const kernelProtocols: readonly RegisteredProtocol[] = [
  register(expSpec, expReference, expProtocol),
  register(expTaylorSpec, expTaylorReference, expTaylorProtocol),
  register(reciprocalNrPosSpec, reciprocalNrPosReference, reciprocalNrPosProtocol),
  register(reciprocalGoldschmidtSpec, reciprocalGoldschmidtReference, reciprocalGoldschmidtProtocol),
  register(invSqrtNrSpec, invSqrtNrReference, invSqrtNrProtocol),
  register(sqrtSpec, sqrtReference, sqrtProtocol),
  register(invSqrtGoldschmidtSpec, invSqrtGoldschmidtReference, invSqrtGoldschmidtProtocol),
  register(sinSpec, sinReference, sinProtocol),
  register(erfSpec, erfReference, erfProtocol),
  register(reciprocalNrSpec, reciprocalNrReference, reciprocalNrProtocol),
  register(sigmoidSpec, sigmoidReference, sigmoidProtocol),
  register(tanhSpec, tanhReference, tanhProtocol),
];
