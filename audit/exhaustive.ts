// Exhaustive mode (issue 4 §2): in a tiny ring, the exact distribution of party i's view — its items and
// its traffic shape — for every secret, over all hidden randomness, for every own tape (or a seeded
// sample of them when all of them do not fit the budget: each conditional distribution is still exact;
// the evidence says which). Instances are run in batches of whole (own tape, secret) blocks; each
// block's view keys are compared with the block of the first secret of the same class under the same
// own tape. Throws OutOfReach when the enumeration does not fit (out-of-reach.ts).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { planBatch } from './batch-plan.ts';
import { MAX_BUDGET_BITS, enumeration } from './enumeration.ts';
import { ReferenceBank, difference } from './histogram.ts';
import { collectViews } from './instance-views.ts';
import { outOfReach } from './out-of-reach.ts';
import { secretSpace } from './secret-space.ts';
import { type TrafficShape, describeShape } from './traffic-shape.ts';
import type { ExhaustiveEvidence, ModeResult, ModeStatus } from './verdict.ts';
import { describeKey, keyLayout, viewKeys } from './view-keys.ts';

export interface ExhaustiveOptions {
  /** log2 of the number of instance evaluations allowed. */
  readonly budgetBits: number;
  /** Own tapes to sample instead of what the budget allows (never all of them). */
  readonly ownTapes?: number;
  readonly seed: bigint;
}

export type ExhaustiveResult = Extract<ModeResult<ExhaustiveEvidence>, { readonly evidence: unknown }>;

const CHUNK_BATCHED = 1 << 15;
const CHUNK_UNBATCHED = 1 << 9;
/**
 * A protocol that does not batch runs once per instance, about 2^8 times slower per evaluation: its
 * budget is 2^8 times smaller.
 */
export const UNBATCHED_BUDGET_CUT = 8;

const pow2 = (bits: number): string => (bits <= 16 ? String(2 ** bits) : `2^${bits}`);

export async function auditExhaustive(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  options: ExhaustiveOptions,
): Promise<ExhaustiveResult> {
  const declared = protocol.privacy().exhaustiveOutOfReach;
  if (declared !== undefined)
    throw outOfReach(`${protocol.id}: its spec says exhaustive enumeration does not apply: ${declared}`);
  const plan = await planBatch(protocol, config, party, options.seed);
  const budgetBits =
    plan.mode === 'unbatched' ? options.budgetBits - UNBATCHED_BUDGET_CUT : options.budgetBits;
  const space = secretSpace(protocol, config, party, plan.instanceShapes);
  const cut = plan.mode === 'unbatched' ? UNBATCHED_BUDGET_CUT : 0;
  const en = enumeration(plan, space, budgetBits, options.ownTapes, options.seed, (bits) =>
    bits + cut > MAX_BUDGET_BITS
      ? `, and more than the largest budget (2^${MAX_BUDGET_BITS}) allows`
      : `${cut > 0 ? ` (one run per instance: this protocol does not batch, so its budget is 2^${cut} times smaller)` : ''}; --budget ${bits + cut} reaches one own tape`,
  );
  const classes = space.classes();
  const classCount = classes === undefined ? 1 : new Set(classes).size;
  const layout = keyLayout(plan, (k) => plan.items[k]!.rawId === undefined);
  const base = {
    mode: 'exhaustive',
    ell: config.ell,
    instanceSize: plan.instanceSize,
    batching: plan.mode,
    secretBits: en.secretBits,
    classes: classCount,
    hiddenBits: en.hiddenBits,
    hiddenDraws: en.hidden.map((d) => `${d.source}:${d.label}`),
    ownBits: en.ownBits,
    ownTapes: en.ownTapes,
    complete: en.complete,
    budgetBits,
    viewBits: layout.bits,
    keys: layout.exact ? 'exact' : 'hashed',
  } as const;
  const own = en.complete
    ? `all ${pow2(en.ownBits)} own tapes`
    : `${en.ownTapes} sampled of ${pow2(en.ownBits)} own tapes`;
  const coverage = `Z_2^${config.ell}, ${plan.instanceSize}-element instances, ${pow2(en.secretBits)} secrets in ${classCount} class(es) × ${pow2(en.hiddenBits)} hidden tapes × ${own}`;
  const done = (status: ModeStatus, evidence: ExhaustiveEvidence): ExhaustiveResult => ({
    status,
    evidence,
    coverage,
  });
  if (classCount === 2 ** en.secretBits)
    return done('trivial', { ...base, evaluations: 0, distributionsCompared: 0 });

  const firstOfClass = new Int32Array(classCount).fill(-1);
  for (let s = 2 ** en.secretBits - 1; s >= 0; s--) firstOfClass[classes?.[s] ?? 0] = s;
  const block = 2 ** en.hiddenBits;
  const secrets = 2 ** en.secretBits;
  const blocks = en.ownTapes * secrets;
  const chunk = Math.max(
    1,
    Math.floor((plan.mode === 'unbatched' ? CHUNK_UNBATCHED : CHUNK_BATCHED) / block),
  );
  let compared = 0;
  let refOwn = -1;
  const refs = new ReferenceBank(layout.exact && layout.bits <= 16 ? layout.bits : undefined);
  const otherShapes = new Map<number, TrafficShape>();
  for (let q0 = 0; q0 < blocks; q0 += chunk) {
    const nq = Math.min(chunk, blocks - q0);
    await yieldToEventLoop(); // a test runner's or CLI's timers and messages run
    const views = await collectViews(plan, en.fill, en.secrets, q0 * block, nq * block);
    for (const [k, s] of views.deviantShapes) otherShapes.set(k, s);
    const keys = viewKeys(layout, plan, views);
    for (let q = 0; q < nq; q++) {
      const own = Math.floor((q0 + q) / secrets);
      const s = (q0 + q) % secrets;
      if (own !== refOwn) {
        refs.clear();
        refOwn = own;
      }
      const dist = keys.subarray(q * block, (q + 1) * block);
      const cls = classes?.[s] ?? 0;
      const first = firstOfClass[cls]!;
      if (s !== first) compared += 1;
      if (refs.matches(cls, dist)) continue;
      const d = difference(refs.reference(cls), dist.slice().sort());
      const other = otherShapes.get(d.witness);
      return done('leak', {
        ...base,
        evaluations: (q0 + q + 1) * block,
        distributionsCompared: compared,
        leak: {
          ownTape: en.describeOwn(own),
          secretA: space.describe(first),
          secretB: space.describe(s),
          distance: d.distance,
          witness:
            other === undefined
              ? describeKey(layout, d.witness)
              : `a view of another traffic shape (${describeShape(other)}: ${other.text}; the plan's: ${describeShape(plan.shape)})`,
          countA: d.countA,
          countB: d.countB,
          tapes: block,
        },
      });
    }
  }
  return done('passed', { ...base, evaluations: blocks * block, distributionsCompared: compared });
}
