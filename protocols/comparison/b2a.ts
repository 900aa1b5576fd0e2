// Boolean to arithmetic conversion of single bits with a daBit (ALGORITHMS.md §2; CrypTen
// beaver.B2A_single_bit): the dealer shares a random bit r both ways (runtime/material/boolean.ts);
// z = b ⊕ r is opened (1 round) and ⟨b⟩ = ⟨r⟩·(1 − 2z) + z, z added by party 0.
// The width of the opened word is the width of the input words: the crypten schedule opens a full
// ℓ-bit word (CrypTen reveals a 64-bit tensor), the default schedule a single bit.
// Labels: '<scope>/b2a/dabit' (dealer), '<scope>/b2a/open'.
import { defineKernel } from '../../core/parallel/split-run.ts';
import { ALL_ONES, addressOf } from '../../core/wasm/kernels.ts';
import { xorWords } from '../../core/ring-kernels.ts';
import { allocWords } from '../../core/word-pool.ts';
import { type BitTensor, andScalar, bitTensor } from '../../core/bits.ts';
import { runtimeError } from '../../core/errors.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { dabit } from '../../runtime/material/boolean.ts';
import type { Config } from '../../spec/config.ts';
import { openBitsToAll } from '../../runtime/comm.ts';
import { assertBoolean } from './operands.ts';

/** ⟨b⟩ in Z_2^ℓ for XOR-shared words b whose value is 0 or 1, opening b.width bits per element. */
/** out = r − 2·z·r + lead·z: ⟨z ⊕ r⟩ from the opened z and the ring share of r. Arrays [rA, z, out], scalars [lead, mask]. */
const unmaskBit = defineKernel(
  import.meta.url,
  'b2a/unmask',
  (arrays, scalars, lo, hi) => {
    const [ra, z, out] = arrays as [BigUint64Array, BigUint64Array, BigUint64Array];
    const [lead, m] = scalars as [bigint, bigint];
    for (let i = lo; i < hi; i++) out[i] = (ra[i]! - 2n * z[i]! * ra[i]! + lead * z[i]!) & m;
  },
  {
    simd: (simd, [ra, z, out], [lead, m], lo, hi) => {
      if (lead !== 0n && lead !== 1n) return false;
      simd.b2a_unmask(
        addressOf(ra!),
        addressOf(z!),
        addressOf(out!),
        lead === 1n ? ALL_ONES : 0n,
        m!,
        lo,
        hi,
      );
    },
  },
);

/** The first word above 1 (not a single bit), or −1; on 32-bit halves, so the loop stays off BigInts. */
function firstNonBit(words: BigUint64Array): number {
  const halves = new Uint32Array(words.buffer, words.byteOffset, 2 * words.length);
  for (let i = 0; i < words.length; i++) if (halves[2 * i]! > 1 || halves[2 * i + 1]! !== 0) return i;
  return -1;
}

export async function b2aWithDabit(ctx: PartyContext, ell: number, b: BitTensor): Promise<RingTensor> {
  const n = b.data.length;
  const { rA, rB } = dabit(ctx, 'dabit', ell, b.width, b.shape);
  const masked = allocWords(n, false);
  xorWords([b.data, rB.data, masked], [], n);
  const z = (await openBitsToAll(ctx, 'open', bitTensor(b.width, [n], masked))).data;
  const i = firstNonBit(z);
  if (i >= 0)
    throw runtimeError(
      `party ${ctx.party}, label '${ctx.label('open')}': b2a input is not a single bit (opened word ${i} has bits above bit 0)`,
    );
  const m = ringMask(ell);
  const lead = ctx.party === 0 ? 1n : 0n;
  const out = allocWords(n, false);
  unmaskBit([rA.data, z, out], [lead, m], n);
  return ringTensor(ell, b.shape, out);
}

/**
 * ⟨b⟩ in Z_2^ℓ (integer scale, 0 or 1) for XOR-shared words whose bit 0 is the value (CrypTen's
 * `_B2A(bits=1)` takes `b & 1`); the schedule decides whether a word or a bit is opened.
 */
export async function b2a(ctx: PartyContext, config: Config, b: BitTensor): Promise<RingTensor> {
  assertBoolean('b2a', 'b', b);
  const bit0 = andScalar(b, 1n).data;
  const width = config.schedule === 'crypten' ? config.ell : 1;
  return b2aWithDabit(ctx.scope('b2a'), config.ell, bitTensor(width, b.shape, bit0));
}
