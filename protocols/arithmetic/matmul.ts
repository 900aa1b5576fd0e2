// Matrix multiplication with a matrix triple (spec/arithmetic/matmul.ts). Party i computes
// Z_i = C_i + E·B_i + A_i·F (+ E·F at party 0) as E·(B_i [+ F]) + A_i·F: two matrix products a party;
// a batch of products (one per attention head) opens all its E and F in one message.
import { copyWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { concat } from '../../core/ring-ops.ts';
import { addWords, subtractWords } from '../../core/ring-kernels.ts';
import { matmulAccumulateBatch } from '../../core/ring-matmul.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { matmulTriple } from '../../runtime/material/matmul-triple.ts';
import { matmulDims } from '../../spec/arithmetic/matmul.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncBits } from './truncate.ts';

export async function matmulRaw(ctx: PartyContext, x: RingTensor, y: RingTensor): Promise<RingTensor> {
  const { m, k, n } = matmulDims({ x: x.shape, y: y.shape });
  const z = await matmulRawBatch(ctx, x, y, 1, m, k, n);
  return ringTensor(z.ell, [m, n], z.data);
}

/**
 * ⟨X·Y⟩ at scale 2^(2f) for a batch of products (X [b,m,k], Y [b,k,n], laid out one after the other; a
 * batch of one takes [m,k] and [k,n]): one matrix triple per product, E‖F opened in one message.
 */
export async function matmulRawBatch(
  ctx: PartyContext,
  x: RingTensor,
  y: RingTensor,
  batch: number,
  m: number,
  k: number,
  n: number,
): Promise<RingTensor> {
  const { ell } = x;
  const mask = ringMask(ell);
  const { A, B, C } = matmulTriple(ctx, 'triple', ell, m, k, n, batch);
  const xs = batch * m * k;
  const ys = batch * k * n;
  const masked = concat([x, y]);
  subtractWords([masked, A.data, masked], [mask], xs);
  const tail = masked.subarray(xs);
  subtractWords([tail, B.data, tail], [mask], ys);
  const opened = await openToAll(ctx, 'open', ringTensor(ell, [xs + ys], masked));
  const E = opened.data.subarray(0, xs);
  const F = opened.data.subarray(xs);
  // Z_i = C_i + E·(B_i [+ F at party 0]) + A_i·F
  const right = copyWords(B.data);
  if (ctx.party === 0) addWords([right, F, right], [mask], ys);
  const z = copyWords(C.data);
  matmulAccumulateBatch(E, right, z, batch, m, k, n);
  matmulAccumulateBatch(A.data, F, z, batch, m, k, n);
  if (ell < 64) for (let i = 0; i < z.length; i++) z[i] = z[i]! & mask;
  return ringTensor(ell, [batch, m, n], z);
}

export async function matmulFixed(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  return truncBits(ctx, config, await matmulRaw(ctx, x, y), config.f, true);
}

export const matmulProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await matmulFixed(
    ctx,
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    ringInput(ctx, inputs, 'y', config.ell),
  ),
});
