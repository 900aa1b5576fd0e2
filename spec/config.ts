// A run configuration: a profile resolved for a party count, optionally with another ring (small rings
// make exhaustive checks possible). Every report and vector carries it.
import { usageError } from '../core/errors.ts';
import type { FixedPointFormat, Rounding } from '../core/fixed.ts';
import {
  type InputSharing,
  type Profile,
  type Schedule,
  type TruncationMethod,
  findProfile,
} from './profile.ts';

export interface Config extends FixedPointFormat {
  readonly profile: string;
  readonly parties: number;
  readonly rounding: Rounding;
  readonly inputSharing: InputSharing;
  readonly truncation: TruncationMethod;
  readonly schedule: Schedule;
}

export interface ConfigOverrides {
  readonly parties?: number;
  readonly ell?: number;
  readonly f?: number;
  readonly truncation?: TruncationMethod;
}

export const MAX_PARTIES = 16;

export function resolveConfig(profile: Profile | string, over: ConfigOverrides = {}): Config {
  const p = typeof profile === 'string' ? findProfile(profile) : profile;
  const parties = over.parties ?? 2;
  if (!Number.isInteger(parties) || parties < 2 || parties > MAX_PARTIES) {
    throw usageError(`parties: ${parties} is not allowed; use an integer from 2 to ${MAX_PARTIES}`);
  }
  const ell = over.ell ?? p.ell;
  if (!Number.isInteger(ell) || ell < 4 || ell > 64)
    throw usageError(`ring: ℓ = ${ell} is not allowed; use an integer from 4 to 64`);
  // A smaller ring keeps a proportionate fraction: ℓ/4 fractional bits unless f is given.
  const f = over.f ?? (over.ell === undefined ? p.f : Math.min(p.f, Math.floor(ell / 4)));
  if (!Number.isInteger(f) || f < 0 || f > ell - 2)
    throw usageError(`f = ${f} is not allowed for ℓ = ${ell}; use 0…${ell - 2}`);
  const truncation = over.truncation ?? (parties === 2 ? p.truncation.twoParty : p.truncation.multiParty);
  if (truncation !== 'dealer' && parties !== 2) {
    throw usageError(`truncation '${truncation}' is a 2-party method; with ${parties} parties use 'dealer'`);
  }
  return {
    profile: p.name,
    parties,
    ell,
    f,
    rounding: p.rounding,
    inputSharing: p.inputSharing,
    truncation,
    schedule: p.schedule,
  };
}

export const describeConfig = (c: Config): string =>
  `${c.profile}: ${c.parties} parties, ℓ ${c.ell}, f ${c.f}, ${c.rounding} encoding, ${c.truncation} truncation`;
