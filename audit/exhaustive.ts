// Exhaustive mode (issue 4 §2): in a tiny ring, the exact distribution of party i's view for every
// secret, over all hidden randomness, for every own tape (or a seeded sample of them when all of them do
// not fit the budget: each conditional distribution is still exact; evidence says which). Instances
// are run in batches of whole (own tape, secret) blocks; each block's view keys are sorted and compared
// with the block of the first secret of the same class under the same own tape.
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { planBatch } from './batch-plan.ts';
import { enumeration } from './enumeration.ts';
import { ReferenceBank, difference } from './histogram.ts';
import { collectViews } from './instance-views.ts';
import { secretSpace } from './secret-space.ts';
import type { ExhaustiveEvidence, PartyVerdict } from './verdict.ts';
import { describeKey, keyLayout, viewKeys } from './view-keys.ts';
import { outOfReach } from './out-of-reach.ts';

export interface ExhaustiveOptions {
  /** log2 of the number of instance evaluations allowed. */
  readonly budgetBits: number;
  /** Own tapes to sample instead of what the budget allows (never all of them). */
  readonly ownTapes?: number;
  readonly seed: bigint;
}

const CHUNK_BATCHED = 1 << 17;
const CHUNK_UNBATCHED = 1 << 9;

export async function auditExhaustive(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  options: ExhaustiveOptions,
): Promise<PartyVerdict> {
  const t0 = performance.now();
  const declared = protocol.privacy().exhaustiveOutOfReach;
  if (declared !== undefined)
    throw outOfReach(`${protocol.id}: its spec says exhaustive enumeration does not apply: ${declared}`);
  const plan = await planBatch(protocol, config, party, options.seed);
  const space = secretSpace(protocol, config, party, plan.instanceShapes);
  const en = enumeration(plan, space, options.budgetBits, options.ownTapes, options.seed);
  const classes = space.classes();
  const classCount = classes === undefined ? 1 : new Set(classes).size;
  const layout = keyLayout(plan, (k) => plan.items[k]!.rawId === undefined);
  const base = {
    mode: 'exhaustive',
    ell: config.ell,
    batching: plan.mode,
    secretBits: en.secretBits,
    classes: classCount,
    hiddenBits: en.hiddenBits,
    hiddenDraws: en.hidden.map((d) => `${d.source}:${d.label}`),
    ownBits: en.ownBits,
    ownTapes: en.ownTapes,
    complete: en.complete,
    viewBits: layout.bits,
    keys: layout.exact ? 'exact' : 'hashed',
  } as const;
  const done = (status: PartyVerdict['status'], evidence: ExhaustiveEvidence): PartyVerdict => ({
    party,
    status,
    evidence,
    ms: performance.now() - t0,
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
  for (let q0 = 0; q0 < blocks; q0 += chunk) {
    const nq = Math.min(chunk, blocks - q0);
    await new Promise((resolve) => setImmediate(resolve)); // let a test runner's or CLI's timers run
    const views = await collectViews(plan, en.fill, en.secrets, q0 * block, nq * block);
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
      return done('leak', {
        ...base,
        evaluations: (q0 + q + 1) * block,
        distributionsCompared: compared,
        leak: {
          ownTape: en.describeOwn(own),
          secretA: space.describe(first),
          secretB: space.describe(s),
          distance: d.distance,
          witness: describeKey(layout, d.witness),
          countA: d.countA,
          countB: d.countB,
          tapes: block,
        },
      });
    }
  }
  return done('private', { ...base, evaluations: blocks * block, distributionsCompared: compared });
}
