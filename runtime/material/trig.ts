// Trig masks for the secure sine (spec/kernels/sin.ts; ALGORITHMS.md §3): the dealer draws t — uniform
// in Z_2^ℓ (ring variant), or uniform over the fixed-point reals in [−1024, 0) (SecFormer's released
// variant) — and deals t with enc(sin(2πk·t/P)), enc(cos(2πk·t/P)) for every frequency k, shape [..., K].
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { Config } from '../../spec/config.ts';
import { encodedSinCos, periodFraction, periodUnits } from '../../spec/kernels/angle.ts';
import { SECFORMER_MASK_RANGE, type SinParams } from '../../spec/kernels/sin.ts';
import { TRIG_MASK } from '../../spec/material.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';

export interface TrigMask {
  readonly t: RingTensor;
  readonly sin: RingTensor;
  readonly cos: RingTensor;
}

export function trigMask(
  ctx: PartyContext,
  label: string,
  config: Config,
  p: SinParams,
  shape: Shape,
): TrigMask {
  const { ell } = config;
  const K = p.frequencies.length;
  const outShape = [...shape, K];
  const v = ctx.deal({
    kind: TRIG_MASK,
    label,
    items: sizeOf(shape),
    signature: `${shapeSignature(ell, shape)} f=${config.f} ${config.rounding} ${p.variant} P=${p.period} k=${p.frequencies.join(',')}`,
    generate: (d) => {
      const t = d.ring('t', ell, shape);
      if (p.variant === 'secformer') {
        // t ∈ [−1024·2^f, 0) in ring units: the low bits of a uniform word, shifted down.
        const span = BigInt(SECFORMER_MASK_RANGE) << BigInt(config.f);
        const m = ringMask(ell);
        for (let i = 0; i < t.data.length; i++) t.data[i] = ((t.data[i]! % span) - span) & m;
      }
      const M = periodUnits(config, p.period);
      const sin = allocWords(t.data.length * K);
      const cos = allocWords(t.data.length * K);
      const m = ringMask(ell);
      for (let i = 0; i < t.data.length; i++) {
        const phase = periodFraction(BigInt.asIntN(ell, t.data[i]!), M);
        for (let j = 0; j < K; j++) {
          const [s, c] = encodedSinCos(config, p.frequencies[j]!, phase);
          sin[i * K + j] = s & m;
          cos[i * K + j] = c & m;
        }
      }
      return { t, sin: ringTensor(ell, outShape, sin), cos: ringTensor(ell, outShape, cos) };
    },
  });
  return { t: v['t'] as RingTensor, sin: v['sin'] as RingTensor, cos: v['cos'] as RingTensor };
}
