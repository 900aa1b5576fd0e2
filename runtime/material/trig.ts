// Trig masks for the secure sine (spec/kernels/sin.ts, spec/kernels/sine-series.ts; ALGORITHMS.md §3):
// the dealer draws t — uniform in Z_2^ℓ (a ring mask), or uniform over [−span, 0) ring units (SecFormer's
// bounded real mask) — and deals t with enc(sin(2πk·t/M)), enc(cos(2πk·t/M)) for every frequency k.
// The frequencies are either a list, each evaluated on its own (the `sin` kernel; shape [..., K]), or the
// harmonics 1…K by the angle-addition recurrence (a sine series; frequency-major, shape [K, ...]:
// spec/kernels/angle.ts).
import { type RingTensor, fromSafeIntegers, ringMask, ringTensor } from '../../core/ring.ts';
import { allocWords } from '../../core/word-pool.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { Config } from '../../spec/config.ts';
import {
  type SineAngle,
  angleFractions,
  encodeFrequenciesInto,
  encodeHarmonicsWords,
} from '../../spec/kernels/angle.ts';
import { TRIG_MASK } from '../../spec/material.ts';
import type { PartyContext } from '../context.ts';
import { shapeSignature } from '../dealer.ts';

export interface TrigMask {
  readonly t: RingTensor;
  readonly sin: RingTensor;
  readonly cos: RingTensor;
}

/** The frequencies of a trig mask: a list (each evaluated directly) or the harmonics 1…count. */
export type TrigFrequencies =
  | { readonly kind: 'list'; readonly ks: readonly number[] }
  | { readonly kind: 'harmonics'; readonly count: number };

export const frequencyCount = (fr: TrigFrequencies): number => (fr.kind === 'list' ? fr.ks.length : fr.count);

const describeAngle = (a: SineAngle): string =>
  `M=${a.periodUnits} ${a.mask.kind === 'ring' ? 'ring' : `bounded ${a.mask.span}`}`;

const describeFrequencies = (fr: TrigFrequencies): string =>
  fr.kind === 'list' ? `k=${fr.ks.join(',')}` : `k=1..${fr.count}`;

export function trigMask(
  ctx: PartyContext,
  label: string,
  config: Config,
  angle: SineAngle,
  frequencies: TrigFrequencies,
  shape: Shape,
): TrigMask {
  const { ell } = config;
  const K = frequencyCount(frequencies);
  const outShape = [...shape, K];
  const v = ctx.deal({
    kind: TRIG_MASK,
    label,
    items: sizeOf(shape),
    signature: `${shapeSignature(ell, shape)} f=${config.f} ${config.rounding} ${describeAngle(angle)} ${describeFrequencies(frequencies)}`,
    generate: (d) => {
      const t = d.ring('t', ell, shape);
      if (angle.mask.kind === 'bounded') {
        // t ∈ [−span, 0) in ring units: a uniform word reduced modulo the span, shifted down.
        const span = angle.mask.span;
        const m = ringMask(ell);
        for (let i = 0; i < t.data.length; i++) t.data[i] = ((t.data[i]! % span) - span) & m;
      }
      // The dealer's angles are the true ones: a released code's faulty reduction is in the parties' step.
      const fractions = angleFractions({ periodUnits: angle.periodUnits, mask: angle.mask }, ell, t.data);
      if (frequencies.kind === 'harmonics') {
        const sin = allocWords(t.data.length * K, false);
        const cos = allocWords(t.data.length * K, false);
        encodeHarmonicsWords(config, fractions, K, undefined, sin, cos);
        const layout = [K, ...shape];
        return { t, sin: ringTensor(ell, layout, sin), cos: ringTensor(ell, layout, cos) };
      }
      const sin = new Float64Array(t.data.length * K);
      const cos = new Float64Array(t.data.length * K);
      for (let i = 0; i < fractions.length; i++)
        encodeFrequenciesInto(config, fractions[i]!, frequencies.ks, sin, cos, i * K);
      return { t, sin: fromSafeIntegers(ell, outShape, sin), cos: fromSafeIntegers(ell, outShape, cos) };
    },
  });
  return { t: v['t'] as RingTensor, sin: v['sin'] as RingTensor, cos: v['cos'] as RingTensor };
}
