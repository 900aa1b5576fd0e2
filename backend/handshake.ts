// What a handshake claims, checked and resolved (docs/backends.md, "Handshake"): the protocol version,
// the configuration the backend runs (a profile, or ring, encoding, truncation and schedule spelled out,
// never contradicting each other), and the ops it offers, each bound to a registered protocol with its
// parameters decoded by the spec's own codec. Anything wrong is one input error naming the field.
import { MpcspecError, inputError } from '../core/errors.ts';
import { type BoundProtocol, REGISTRY, type RegisteredProtocol } from '../registry/index.ts';
import { type Config, MAX_PARTIES, resolveConfig } from '../spec/config.ts';
import { PROFILES, type Profile } from '../spec/profile.ts';
import { type HandshakeMessage, PROTOCOL_VERSION } from './protocol/messages.ts';

export interface OpUnderTest {
  /** The op as tables name it: the id, with its parameters when they are not the defaults. */
  readonly key: string;
  readonly entry: RegisteredProtocol;
  readonly protocol: BoundProtocol;
  /** The adapter reports views for this op. */
  readonly views: boolean;
  /** Why the op cannot run under the backend's configuration, if it cannot. */
  readonly unsupported?: string;
}

export interface BackendInfo {
  readonly name: string;
  readonly version: string;
  readonly config: Config;
  /** The profile whose cost formulas the backend's counters are judged by, if any. */
  readonly costProfile?: string;
  readonly inputShares: boolean;
  readonly ops: readonly OpUnderTest[];
  /** Op ids the backend offers that this runner does not know (a newer registry): skipped. */
  readonly unknownOps: readonly string[];
}

const fail = (why: string): never => {
  throw inputError(`handshake: ${why}`);
};

const sameParams = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `id` for the defaults, `id {"k":v}` otherwise (compact JSON of the parameters that differ). */
export function opKey(entry: RegisteredProtocol, params: unknown): string {
  const defaults = entry.defaults as Record<string, unknown>;
  const p = params as Record<string, unknown>;
  const differ = Object.fromEntries(Object.entries(p).filter(([k, v]) => !sameParams(v, defaults[k])));
  return Object.keys(differ).length === 0 ? entry.id : `${entry.id} ${JSON.stringify(differ)}`;
}

function resolveBackendConfig(
  hs: HandshakeMessage,
  profileOption: string | undefined,
): {
  config: Config;
  costProfile?: string;
} {
  const known = (name: string, where: string): Profile =>
    PROFILES.find((p) => p.name === name) ??
    fail(`${where}: '${name}' is not a profile of mpcspec (${PROFILES.map((p) => p.name).join(', ')})`);
  if (hs.profile !== undefined) known(hs.profile, '$.profile');
  if (profileOption !== undefined && hs.profile !== undefined && profileOption !== hs.profile)
    throw new MpcspecError(
      'usage',
      `--profile ${profileOption}: the backend claims profile '${hs.profile}'; judge it by that one or leave --profile out`,
    );
  const profileName = profileOption ?? hs.profile;
  const profile = profileName === undefined ? undefined : known(profileName, '--profile');
  if (profile === undefined) {
    const missing = (['ring', 'encoding', 'truncation', 'schedule'] as const).filter(
      (k) => hs[k] === undefined,
    );
    if (missing.length > 0)
      fail(`no profile is claimed, so the handshake must give ${missing.map((m) => `$.${m}`).join(', ')}`);
  }
  if (hs.parties < 2 || hs.parties > MAX_PARTIES)
    fail(`$.parties: ${hs.parties} parties; mpcspec runs 2 to ${MAX_PARTIES}`);
  const contradicts = (field: string, given: unknown, theirs: unknown): void => {
    if (profile !== undefined && given !== undefined && given !== theirs)
      fail(
        `$.${field}: ${JSON.stringify(given)} contradicts profile '${profile.name}' (${JSON.stringify(theirs)})`,
      );
  };
  if (profile !== undefined) {
    contradicts('ring.ell', hs.ring?.ell, profile.ell);
    contradicts('ring.f', hs.ring?.f, profile.f);
    contradicts('encoding', hs.encoding, profile.rounding);
    contradicts('schedule', hs.schedule, profile.schedule);
    const truncation = hs.parties === 2 ? profile.truncation.twoParty : profile.truncation.multiParty;
    contradicts('truncation', hs.truncation, truncation);
  }
  let config: Config;
  try {
    const base = resolveConfig(profile ?? 'default', {
      parties: hs.parties,
      ...(hs.ring === undefined ? {} : { ell: hs.ring.ell, f: hs.ring.f }),
      ...(hs.truncation === undefined ? {} : { truncation: hs.truncation }),
    });
    config = {
      ...base,
      profile: profile?.name ?? 'none',
      rounding: hs.encoding ?? base.rounding,
      schedule: hs.schedule ?? base.schedule,
    };
  } catch (e) {
    if (e instanceof MpcspecError) fail(e.message);
    throw e;
  }
  return { config: config!, ...(profile === undefined ? {} : { costProfile: profile.name }) };
}

export function readHandshake(
  hs: HandshakeMessage,
  options: { readonly profile?: string; readonly registry?: readonly RegisteredProtocol[] } = {},
): BackendInfo {
  if (hs.protocol !== PROTOCOL_VERSION)
    fail(
      `$.protocol: the adapter speaks backend protocol version ${hs.protocol}; this runner speaks version ${PROTOCOL_VERSION}`,
    );
  const { config, costProfile } = resolveBackendConfig(hs, options.profile);
  const registry = options.registry ?? REGISTRY;
  const ops: OpUnderTest[] = [];
  const unknownOps: string[] = [];
  hs.ops.forEach((claim, k) => {
    const id = typeof claim === 'string' ? claim : claim.id;
    const entry = registry.find((r) => r.id === id);
    if (entry === undefined) {
      unknownOps.push(id);
      return;
    }
    let protocol: BoundProtocol;
    try {
      protocol = entry.bind(typeof claim === 'string' ? {} : (claim.params ?? {}));
    } catch (e) {
      if (e instanceof MpcspecError) fail(`$.ops[${k}].params: ${e.message}`);
      throw e;
    }
    const key = opKey(entry, protocol!.params);
    if (ops.some((o) => o.key === key)) return; // offered twice: one row
    const why = protocol!.unsupported(config);
    ops.push({
      key,
      entry,
      protocol: protocol!,
      views: (typeof claim === 'string' ? undefined : claim.views) ?? hs.views ?? false,
      ...(why === undefined ? {} : { unsupported: why }),
    });
  });
  return {
    name: hs.backend.name,
    version: hs.backend.version ?? '',
    config,
    ...(costProfile === undefined ? {} : { costProfile }),
    inputShares: hs.inputShares ?? false,
    ops,
    unknownOps,
  };
}
