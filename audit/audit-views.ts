// The view-privacy audit of one protocol (issue 4): every party's view, exhaustively in a tiny ring when
// the protocol's randomness allows, else (or on request) statistically in the full ring. This is what
// the CLI (`mpcspec audit views`), the conformance summary and the generic property call.
import { usageError } from '../core/errors.ts';
import type { BoundProtocol } from '../registry/index.ts';
import { type Config, resolveConfig } from '../spec/config.ts';
import { auditExhaustive } from './exhaustive.ts';
import { OutOfReach, outOfReach } from './out-of-reach.ts';
import { auditStatistical } from './statistical.ts';
import type { AuditMode, PartyVerdict, ViewVerdict } from './verdict.ts';

export interface AuditOptions {
  /** `auto` (default): exhaustive when it fits, else statistical. */
  readonly mode?: AuditMode | 'auto';
  /** Audit only this party (default: every party). */
  readonly party?: number;
  /** The exhaustive mode's ring (default 4); with `statistical`, the ring to test in (default: config's). */
  readonly ring?: number;
  /** Statistical: runs per secret group; exhaustive: own tapes to sample when not all fit. */
  readonly samples?: number;
  readonly seed?: bigint;
  /** log2 of the exhaustive mode's evaluations. */
  readonly budgetBits?: number;
  /** Statistical: coordinate pairs projected at most. */
  readonly maxPairs?: number;
}

/** The fixed seed of the audit: verdicts are deterministic. */
export const AUDIT_SEED = 20261122n;
export const MAX_EXHAUSTIVE_RING = 16;
/** The smallest ring a run supports (spec/config.ts). */
const MIN_RING = 4;

/** Fast defaults for the conformance summary (a few hundred ms per protocol for the simple ones). */
export const QUICK: AuditOptions = { budgetBits: 20, samples: 400, maxPairs: 64 };
/** The CLI's and the tests' defaults. */
export const THOROUGH: AuditOptions = { budgetBits: 22, samples: 2000, maxPairs: 400 };

function smallConfig(config: Config, ell: number): Config {
  if (!Number.isInteger(ell) || ell < MIN_RING)
    throw usageError(`ring: ℓ = ${ell} is not a ring a protocol runs in: ℓ goes from ${MIN_RING} to 64`);
  if (ell > MAX_EXHAUSTIVE_RING)
    throw usageError(
      `ring: ℓ = ${ell} is too large to enumerate: the exhaustive mode takes ℓ from ${MIN_RING} to ${MAX_EXHAUSTIVE_RING}; use --mode statistical for larger rings`,
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

export async function auditViews(
  protocol: BoundProtocol,
  config: Config,
  options: AuditOptions = {},
): Promise<ViewVerdict> {
  const t0 = performance.now();
  const o = { ...THOROUGH, ...options };
  const seed = o.seed ?? AUDIT_SEED;
  if (o.party !== undefined && (!Number.isInteger(o.party) || o.party < 0 || o.party >= config.parties))
    throw usageError(`party ${o.party} is out of range: this run has parties 0…${config.parties - 1}`);
  const why = protocol.unsupported(config);
  if (why !== undefined) throw usageError(`${protocol.id}: not supported under this configuration: ${why}`);
  const parties = o.party === undefined ? Array.from({ length: config.parties }, (_, i) => i) : [o.party];
  const mode = o.mode ?? 'auto';

  const exhaustive = async (): Promise<PartyVerdict[]> => {
    const small = exhaustiveConfig(protocol, config, o.ring);
    const out: PartyVerdict[] = [];
    for (const party of parties)
      out.push(
        await auditExhaustive(protocol, small, party, {
          budgetBits: o.budgetBits!,
          seed,
          ...(mode === 'exhaustive' && options.samples !== undefined ? { ownTapes: options.samples } : {}),
        }),
      );
    return out;
  };
  const statistical = async (): Promise<PartyVerdict[]> => {
    // A ring the user named is the ring audited, also when the automatic mode falls back to statistics.
    const cfg =
      o.ring !== undefined
        ? resolveConfig(config.profile, {
            parties: config.parties,
            ell: o.ring,
            truncation: config.truncation,
          })
        : config;
    const out: PartyVerdict[] = [];
    for (const party of parties)
      out.push(
        await auditStatistical(protocol, cfg, party, { samples: o.samples!, seed, maxPairs: o.maxPairs! }),
      );
    return out;
  };

  let verdicts: PartyVerdict[];
  let used: AuditMode = mode === 'statistical' ? 'statistical' : 'exhaustive';
  let outOfReach: string | undefined;
  if (mode === 'statistical') verdicts = await statistical();
  else if (mode === 'exhaustive') verdicts = await exhaustive();
  else {
    try {
      verdicts = await exhaustive();
    } catch (e) {
      if (!(e instanceof OutOfReach)) throw e;
      outOfReach = e.message;
      used = 'statistical';
      verdicts = await statistical();
    }
  }
  const knownLeak = protocol.privacy().knownLeak;
  return {
    id: protocol.id,
    params: protocol.params,
    profile: config.profile,
    parties: config.parties,
    mode: used,
    ...(outOfReach === undefined ? {} : { exhaustiveOutOfReach: outOfReach }),
    ...(knownLeak === undefined ? {} : { knownLeak }),
    verdicts,
    ok: verdicts.every((v) => v.status !== 'leak'),
    ms: performance.now() - t0,
  };
}
