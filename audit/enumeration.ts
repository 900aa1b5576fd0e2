// The exhaustive mode's randomness (issue 4): instance g of the enumeration is the triple
//   g = (own · 2^|s| + s) · 2^|h| + h
// where s is the secret (secret-space.ts), h enumerates every hidden draw — every random word the audited
// party does not see verbatim: the dealer's values, the other parties' shares and tapes — digit by digit
// in its ℓ (or declared) bits, and `own` indexes the party's own raw draws (its tapes, its input and
// dealer shares): all of them when that fits the budget, else a seeded sample. Own draws are in the view
// verbatim and independent of the secret, so conditioning on them is exact:
//   P[view = (d, m) | s] = P[d] · P[m | d, s],
// and the views are equal in distribution iff P[m | d, s] is the same for all s of a class, for every d.
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { ringMask } from '../core/ring.ts';
import type { BatchPlan, PlannedDraw } from './batch-plan.ts';
import { type DrawKey, type InstanceFill, drawId } from './instance-tapes.ts';
import type { SecretSource } from './instance-run.ts';
import { outOfReach } from './out-of-reach.ts';
import type { SecretSpace } from './secret-space.ts';

export interface Enumeration {
  readonly hiddenBits: number;
  readonly secretBits: number;
  readonly ownBits: number;
  readonly ownTapes: number;
  readonly complete: boolean;
  readonly hidden: readonly PlannedDraw[];
  readonly own: readonly PlannedDraw[];
  readonly fill: InstanceFill;
  readonly secrets: SecretSource;
  /** Own-draw values of own tape `d`, in words, for evidence. */
  describeOwn(d: number): string;
}

/** Instance indices stay below 2^30, so they fit the 32-bit integer operations of the fills. */
export const MAX_BUDGET_BITS = 30;

/**
 * `budgetHint(bits)`: what to say when one own tape needs 2^bits evaluations (the budget option that
 * would reach it).
 */
export function enumeration(
  plan: BatchPlan,
  space: SecretSpace,
  budgetBits: number,
  ownSamples: number | undefined,
  seed: bigint,
  budgetHint: (bits: number) => string = () => '',
): Enumeration {
  const hidden = plan.draws.filter((d) => !d.raw);
  const own = plan.draws.filter((d) => d.raw);
  const unsized = hidden.find((d) => d.bits === undefined);
  if (unsized !== undefined)
    throw outOfReach(
      `${plan.protocol.id}: draw '${unsized.label}' (${unsized.source}) uses whole 64-bit words (real-valued or unmasked randomness), which cannot be enumerated; use --mode statistical`,
    );
  const wide = hidden.find((d) => d.bits! > 16);
  if (wide !== undefined || plan.config.ell > 16)
    throw outOfReach(
      `${plan.protocol.id}: the exhaustive mode enumerates rings of at most 16 bits${wide ? ` (draw '${wide.label}' has ${wide.bits})` : ''}`,
    );
  const hOffset = new Map<string, number>();
  let hBits = 0;
  for (const d of hidden) {
    hOffset.set(d.id, hBits);
    hBits += d.perInstance * d.bits!;
  }
  const dOffset = new Map<string, number>();
  let nDigits = 0;
  let dBits = 0;
  for (const d of own) {
    dOffset.set(d.id, nDigits);
    nDigits += d.perInstance;
    dBits += d.perInstance * (d.bits ?? 64);
  }
  const sBits = space.bits;
  if (budgetBits > MAX_BUDGET_BITS)
    throw outOfReach(`budget 2^${budgetBits} is above the limit 2^${MAX_BUDGET_BITS}`);
  const named = hidden.slice(0, 4).map((d) => `${d.source}:${d.label} (${d.perInstance}×${d.bits} bits)`);
  const describe = [...named, ...(hidden.length > 4 ? [`… ${hidden.length} draws in all`] : [])].join(', ');
  if (hBits + sBits > budgetBits)
    throw outOfReach(
      `${plan.protocol.id} at ℓ = ${plan.config.ell}: 2^${sBits} secrets × 2^${hBits} hidden tapes (${describe || 'none'}) per own tape exceed the budget of 2^${budgetBits} evaluations${budgetHint(hBits + sBits)}`,
    );
  const complete = dBits + hBits + sBits <= budgetBits && ownSamples === undefined;
  const room = 2 ** (MAX_BUDGET_BITS - hBits - sBits);
  const ownTapes = complete
    ? 2 ** dBits
    : Math.min(room, Math.max(1, ownSamples ?? Math.floor(2 ** (budgetBits - hBits - sBits))));
  const ownValues = complete ? allOwn(own, ownTapes, nDigits) : sampledOwn(own, ownTapes, nDigits, seed);
  const hMask = 2 ** hBits - 1;
  const sMask = 2 ** sBits - 1;
  const byId = new Map(plan.draws.map((d) => [d.id, d]));

  const hiddenPatterns = new Map<string, BigUint64Array>();
  /** One block (2^|h| instances) of a hidden draw: the same in every block, since blocks are aligned. */
  const hiddenPattern = (id: string, perInstance: number, bits: number): BigUint64Array => {
    let pattern = hiddenPatterns.get(id);
    if (pattern === undefined) {
      const h0 = hOffset.get(id)!;
      const mask = 2 ** bits - 1;
      pattern = new BigUint64Array((hMask + 1) * perInstance);
      for (let h = 0; h <= hMask; h++)
        for (let t = 0; t < perInstance; t++)
          pattern[h * perInstance + t] = BigInt((h >>> (h0 + t * bits)) & mask);
      hiddenPatterns.set(id, pattern);
    }
    return pattern;
  };
  const block = hMask + 1;
  const fill: InstanceFill = {
    draw(key: DrawKey, perInstance, bits, first, batch) {
      const id = drawId(key);
      const d = byId.get(id);
      if (d === undefined || d.perInstance !== perInstance || d.bits !== bits)
        throw outOfReach(
          `${plan.protocol.id}: draw '${key.label}' (${key.source}) differs from the probe run's; randomness that changes with the values cannot be enumerated`,
        );
      const out = new BigUint64Array(batch * perInstance);
      if (hOffset.has(id)) {
        const pattern = hiddenPattern(id, perInstance, bits!);
        if (first % block === 0 && batch % block === 0) tile(out, 0, out.length, pattern);
        else
          for (let g = first; g < first + batch; g++)
            out.set(
              pattern.subarray((g % block) * perInstance, ((g % block) + 1) * perInstance),
              (g - first) * perInstance,
            );
        return out;
      }
      const d0 = dOffset.get(id)!;
      const group = 2 ** (hBits + sBits);
      for (let g = first; g < first + batch;) {
        const own = Math.floor(g / group);
        const end = Math.min(first + batch, (own + 1) * group);
        const values = ownValues.subarray(own * nDigits + d0, own * nDigits + d0 + perInstance);
        tile(out, (g - first) * perInstance, (end - first) * perInstance, values);
        g = end;
      }
      return out;
    },
  };
  // instances [first, first + batch) in runs of equal secret: a run ends at the next block boundary
  const secrets: SecretSource = (first, batch) =>
    Object.fromEntries(
      space.inputs.map((x) => {
        const out = new BigUint64Array(batch * x.elements);
        const value = new BigUint64Array(x.elements);
        const mask = 2 ** x.bits - 1;
        for (let g = first; g < first + batch;) {
          const end = Math.min(first + batch, (Math.floor(g / block) + 1) * block);
          const s = Math.floor(g / block) % (sMask + 1);
          for (let t = 0; t < x.elements; t++)
            value[t] = BigInt(Math.floor(s / 2 ** (x.offset + t * x.bits)) % (mask + 1));
          tile(out, (g - first) * x.elements, (end - first) * x.elements, value);
          g = end;
        }
        return [x.name, out];
      }),
    );
  return {
    hiddenBits: hBits,
    secretBits: sBits,
    ownBits: dBits,
    ownTapes,
    complete,
    hidden,
    own,
    fill,
    secrets,
    describeOwn: (d) =>
      own
        .map((o) => {
          const v = ownValues.subarray(
            d * nDigits + dOffset.get(o.id)!,
            d * nDigits + dOffset.get(o.id)! + o.perInstance,
          );
          return `${o.source}:${o.label} = [${[...v].join(', ')}]`;
        })
        .join('; '),
  };
}

/** Every value of the own draws: own tape d holds the digits of d. */
function allOwn(own: readonly PlannedDraw[], count: number, nDigits: number): BigUint64Array {
  const out = new BigUint64Array(count * nDigits);
  for (let d = 0; d < count; d++) {
    let off = 0;
    let k = 0;
    for (const o of own)
      for (let t = 0; t < o.perInstance; t++, k++) {
        const bits = o.bits ?? 64;
        out[d * nDigits + k] = BigInt(Math.floor(d / 2 ** off) % 2 ** bits);
        off += bits;
      }
  }
  return out;
}

/** A seeded sample of own tapes; the first is all zeros (an edge every protocol must survive). */
function sampledOwn(
  own: readonly PlannedDraw[],
  count: number,
  nDigits: number,
  seed: bigint,
): BigUint64Array {
  const out = chachaWords(deriveKey(rootKey(seed), 'audit/own-tapes'), count * nDigits);
  for (let d = 0; d < count; d++) {
    let k = 0;
    for (const o of own) {
      const m = ringMask(o.bits ?? 64);
      for (let t = 0; t < o.perInstance; t++, k++) {
        const i = d * nDigits + k;
        out[i] = d === 0 ? 0n : out[i]! & m;
      }
    }
  }
  return out;
}

/** Repeat `pattern` over out[from, to) (to − from a multiple of its length), by doubling copies. */
function tile(out: BigUint64Array, from: number, to: number, pattern: BigUint64Array): void {
  if (to <= from) return;
  out.set(pattern, from);
  for (let len = pattern.length; from + len < to; len *= 2)
    out.copyWithin(from + len, from, from + Math.min(len, to - from - len));
}
