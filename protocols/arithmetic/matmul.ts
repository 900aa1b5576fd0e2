// Matrix multiplication with a matrix triple (spec/arithmetic/matmul.ts). Party i computes
// Z_i = C_i + E·B_i + A_i·F (+ E·F at party 0) as E·(B_i [+ F]) + A_i·F: two matrix products a party.
import { copyWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { concat, split } from '../../core/ring-ops.ts';
import { matmulAccumulate } from '../../core/ring-matmul.ts';
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
  const { ell } = x;
  const mask = ringMask(ell);
  const { A, B, C } = matmulTriple(ctx, 'triple', ell, m, k, n);
  const masked = concat([x, y]);
  for (let i = 0; i < m * k; i++) masked[i] = (masked[i]! - A.data[i]!) & mask;
  for (let i = 0; i < k * n; i++) masked[m * k + i] = (masked[m * k + i]! - B.data[i]!) & mask;
  const opened = await openToAll(ctx, 'open', ringTensor(ell, [m * k + k * n], masked));
  const [E, F] = split(ell, opened.data, [
    [m, k],
    [k, n],
  ]) as [RingTensor, RingTensor];
  const right = copyWords(B.data);
  if (ctx.party === 0) for (let i = 0; i < right.length; i++) right[i] = right[i]! + F.data[i]!;
  const z = copyWords(C.data);
  matmulAccumulate(E.data, right, z, m, k, n);
  matmulAccumulate(A.data, F.data, z, m, k, n);
  for (let i = 0; i < z.length; i++) z[i] = z[i]! & mask;
  return ringTensor(ell, [m, n], z);
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
