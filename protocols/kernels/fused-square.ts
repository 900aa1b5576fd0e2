// A fused fixed-point square for the kernels' hot loops (exp's squarings, Newton's y²): with 2 parties,
// ℓ = 64 and CrypTen's per-share truncation it opens e = x − r, folds the two shares into the combining loop and
// truncates in place through a signed view of the same buffer — no opened-value or truncation
// temporaries (the kernels' bench showed allocation and extra passes dominating). Same messages, same
// labels and same results as secureSquare (protocols/arithmetic/square.ts); anything else goes there.
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { squarePair } from '../../runtime/material/beaver.ts';
import type { Config } from '../../spec/config.ts';
import { secureSquare } from '../arithmetic/square.ts';

export async function squareFused(ctx: PartyContext, c: Config, x: RingTensor): Promise<RingTensor> {
  // SecureML's floor needs a BigInt-valued conditional per element, which leaves V8's native 64-bit
  // path (measured slower than the unfused square): only CrypTen's per-share truncation is fused.
  if (c.parties !== 2 || c.ell !== 64 || c.truncation !== 'local-trunc' || c.f === 0)
    return secureSquare(ctx, c, x);
  const n = x.data.length;
  const { r, r2 } = squarePair(ctx, 'pair', 64, x.shape);
  const xd = x.data;
  const rd = r.data;
  const masked = new BigUint64Array(n);
  for (let i = 0; i < n; i++) masked[i] = xd[i]! - rd[i]!;
  const parts = await exchangeShares(ctx, 'open', ringTensor(64, x.shape, masked));
  const other = parts[1 - ctx.party]!.data;
  const r2d = r2.data;
  const z = new BigUint64Array(n);
  if (ctx.party === 0) {
    for (let i = 0; i < n; i++) {
      const e = masked[i]! + other[i]!;
      z[i] = r2d[i]! + 2n * e * rd[i]! + e * e;
    }
  } else {
    for (let i = 0; i < n; i++) z[i] = r2d[i]! + 2n * (masked[i]! + other[i]!) * rd[i]!;
  }
  const s = new BigInt64Array(z.buffer);
  const d = 1n << BigInt(c.f);
  for (let i = 0; i < n; i++) s[i] = s[i]! / d; // CrypTen: each signed share toward zero
  return ringTensor(64, x.shape, z);
}
