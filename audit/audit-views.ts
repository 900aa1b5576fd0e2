// The view-privacy audit of one protocol (issue 4, issue 16): for every party, each mode that applies —
// the relation search and the statistical tests in the full ring on instances of at least two elements,
// the exhaustive enumeration in a tiny ring where the randomness fits the budget — and one honest verdict
// per party: a leak when any mode finds one, `private` only when every mode ran and passed, `incomplete`
// (no leak found) when some mode could not run, with the reason. A party a mode cannot reach is audited
// by the others, never dropped. This is what the CLI (`mpcspec audit views`), the conformance summary
// and the generic property call.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { usageError } from '../core/errors.ts';
import type { BoundProtocol } from '../registry/index.ts';
import { type Config, resolveConfig } from '../spec/config.ts';
import { planBatch } from './batch-plan.ts';
import { MAX_BUDGET_BITS } from './enumeration.ts';
import { auditExhaustive } from './exhaustive.ts';
import { OutOfReach, outOfReach } from './out-of-reach.ts';
import { type Opening, auditRelations } from './relations/relation-search.ts';
import { auditStatistical } from './statistical.ts';
import {
  MODES,
  type ModeName,
  type ModeOutcome,
  type ModeResult,
  type PartyVerdict,
  type ViewVerdict,
  partyStatus,
  viewVerdict,
} from './verdict.ts';

export interface AuditOptions {
  /** `auto` (default): every mode; or one mode alone. */
  readonly mode?: ModeName | 'auto';
  /** Audit only this party (default: every party). */
  readonly party?: number;
  /**
   * The ring audited, by every mode that runs (default: the configuration's for the relation and
   * statistical modes, the first of 4, 5, 6 the protocol supports for the exhaustive one). A ring the
   * user named is never silently replaced: in the automatic mode, the exhaustive mode then runs in it
   * too or says it is out of reach.
   */
  readonly ring?: number;
  /** Elements per instance of the relation and statistical modes (default: max(2, the spec's)). */
  readonly instanceSize?: number;
  /** Statistical: runs per secret group (default: sized by `work`); exhaustive alone: own tapes to sample. */
  readonly samples?: number;
  readonly seed?: bigint;
  /** log2 of the exhaustive mode's evaluations. */
  readonly budgetBits?: number;
  /** Relation: coordinates at most. */
  readonly maxColumns?: number;
  /** Statistical: coordinate-samples per group that size N, and N's bounds. */
  readonly work?: number;
  readonly minSamples?: number;
  readonly maxSamples?: number;
  /** Statistical: message pairs at most. */
  readonly maxPairs?: number;
}

type Budget = Required<
  Pick<AuditOptions, 'budgetBits' | 'maxColumns' | 'work' | 'minSamples' | 'maxSamples' | 'maxPairs'>
>;

/** The fixed seed of the audit: verdicts are deterministic. */
export const AUDIT_SEED = 20261122n;
export const MAX_EXHAUSTIVE_RING = 16;
/** The smallest ring a run supports (spec/config.ts). */
const MIN_RING = 4;

/** The conformance summary's budget (`npm start`): about a second per protocol for the larger ones. */
export const QUICK: Budget = {
  budgetBits: 18,
  maxColumns: 512,
  work: 2 ** 19,
  minSamples: 400,
  maxSamples: 4000,
  maxPairs: 64,
};
/** The CLI's and the catalogue tests' budget. */
export const THOROUGH: Budget = {
  budgetBits: 22,
  maxColumns: 1024,
  work: 2 ** 22,
  minSamples: 2000,
  maxSamples: 16000,
  maxPairs: 400,
};

function smallConfig(config: Config, ell: number): Config {
  if (!Number.isInteger(ell) || ell < MIN_RING)
    throw usageError(`ring: ℓ = ${ell} is not a ring a protocol runs in: ℓ goes from ${MIN_RING} to 64`);
  if (ell > MAX_EXHAUSTIVE_RING)
    throw usageError(
      `ring: ℓ = ${ell} is too large to enumerate: the exhaustive mode takes ℓ from ${MIN_RING} to ${MAX_EXHAUSTIVE_RING}; use --mode relation or statistical for larger rings`,
    );
  return resolveConfig(config.profile, { parties: config.parties, ell, truncation: config.truncation });
}

/** The given ring, or the smallest of ℓ 4, 5, 6 the protocol supports (issue 4: "whatever is feasible"). */
function exhaustiveConfig(protocol: BoundProtocol, config: Config, ring: number | undefined): Config {
  const rings = ring === undefined ? [4, 5, 6] : [ring];
  const whys: string[] = [];
  for (const ell of rings) {
    const small = smallConfig(config, ell);
    const why = protocol.unsupported(small);
    if (why === undefined) return small;
    whys.push(`ℓ ${ell}: ${why}`);
  }
  throw outOfReach(`${protocol.id} does not run in an enumerable ring (${whys.join('; ')})`);
}

function check(o: AuditOptions, config: Config): void {
  if (o.party !== undefined && (!Number.isInteger(o.party) || o.party < 0 || o.party >= config.parties))
    throw usageError(`party ${o.party} is out of range: this run has parties 0…${config.parties - 1}`);
  if (
    o.budgetBits !== undefined &&
    (!Number.isInteger(o.budgetBits) || o.budgetBits < 1 || o.budgetBits > MAX_BUDGET_BITS)
  )
    throw usageError(
      `budget: ${o.budgetBits} is not an integer from 1 to ${MAX_BUDGET_BITS} (log2 of the exhaustive evaluations)`,
    );
  if (o.samples !== undefined && (!Number.isInteger(o.samples) || o.samples < 1))
    throw usageError(`samples: ${o.samples} is not a positive integer`);
  if (o.instanceSize !== undefined && (!Number.isInteger(o.instanceSize) || o.instanceSize < 1))
    throw usageError(`size: ${o.instanceSize} is not a positive integer`);
}

/** One mode's outcome: its result, or why it could not run (OutOfReach); other errors propagate. */
async function outcome(mode: ModeName, run: () => Promise<ModeResult>): Promise<ModeOutcome> {
  const t0 = performance.now();
  try {
    const r = await run();
    const ms = performance.now() - t0;
    return r.status === 'not run'
      ? { mode, status: r.status, reason: r.reason, ms }
      : { mode, status: r.status, evidence: r.evidence, coverage: r.coverage, ms };
  } catch (e) {
    if (!(e instanceof OutOfReach)) throw e;
    return { mode, status: 'not run', reason: e.message, ms: performance.now() - t0 };
  }
}

export async function auditViews(
  protocol: BoundProtocol,
  config: Config,
  options: AuditOptions = {},
): Promise<ViewVerdict> {
  const t0 = performance.now();
  const o = { ...THOROUGH, ...options };
  const seed = o.seed ?? AUDIT_SEED;
  check(o, config);
  const why = protocol.unsupported(config);
  if (why !== undefined) throw usageError(`${protocol.id}: not supported under this configuration: ${why}`);
  const mode = o.mode ?? 'auto';
  const requested: readonly ModeName[] = mode === 'auto' ? MODES : [mode];
  const parties = o.party === undefined ? Array.from({ length: config.parties }, (_, i) => i) : [o.party];
  const fullConfig =
    mode !== 'exhaustive' && o.ring !== undefined
      ? resolveConfig(config.profile, { parties: config.parties, ell: o.ring, truncation: config.truncation })
      : config;
  const instanceSize = o.instanceSize ?? Math.max(2, protocol.privacy().instanceSize);

  const verdicts: PartyVerdict[] = [];
  for (const party of parties) {
    await yieldToEventLoop();
    const p0 = performance.now();
    const modes: ModeOutcome[] = [];
    const full =
      requested.includes('relation') || requested.includes('statistical')
        ? await planBatch(protocol, fullConfig, party, seed, instanceSize)
        : undefined;
    let openings: readonly Opening[] = [];
    let knowsAll = false;
    const relations = async (): Promise<Awaited<ReturnType<typeof auditRelations>>> => {
      const r = await auditRelations(full!, { seed, maxColumns: o.maxColumns });
      openings = r.openings;
      knowsAll = r.status === 'trivial';
      return r;
    };
    if (requested.includes('relation')) modes.push(await outcome('relation', relations));
    // the statistical mode alone still tests the masked values a relation search finds, when it can run
    else if (requested.includes('statistical'))
      await relations().catch((e: unknown) => {
        if (!(e instanceof OutOfReach)) throw e;
      });
    if (requested.includes('exhaustive'))
      modes.push(
        await outcome('exhaustive', () =>
          auditExhaustive(protocol, exhaustiveConfig(protocol, config, o.ring), party, {
            budgetBits: o.budgetBits,
            seed,
            ...(mode === 'exhaustive' && options.samples !== undefined ? { ownTapes: options.samples } : {}),
          }),
        ),
      );
    if (requested.includes('statistical'))
      modes.push(
        await outcome('statistical', () =>
          auditStatistical(full!, {
            seed,
            ...(options.samples === undefined || mode === 'exhaustive' ? {} : { samples: options.samples }),
            work: o.work,
            minSamples: o.minSamples,
            maxSamples: o.maxSamples,
            maxPairs: o.maxPairs,
            openings,
            knowsAll,
          }),
        ),
      );
    verdicts.push({ party, ...partyStatus(modes, requested), modes, ms: performance.now() - p0 });
  }
  return viewVerdict(protocol.id, protocol, config, verdicts, performance.now() - t0);
}
