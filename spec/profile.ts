// Profiles (DESIGN.md, Values; issue 2 §7): a whole parameter set named once, as data.
//   crypten — CrypTen 0.4: ℓ 64, f 16, encoding rounds toward zero, zero-sharing (PRZS) input,
//             2-party truncation of each signed share toward zero, dealer truncation for n > 2.
//   spu     — SecretFlow SPU's fixed-point width: ℓ 64, f 18 (the rest as `default`).
//   default — this project's best known schedule: ℓ 64, f 16, round-to-nearest encoding, zero-sharing
//             input, SecureML local truncation for 2 parties, dealer truncation for n > 2.
import * as t from 'io-ts';
import { usageError } from '../core/errors.ts';
import type { Rounding } from '../core/fixed.ts';

export type TruncationMethod = 'local-trunc' | 'local-secureml' | 'dealer';
export type InputSharing = 'zero-sharing' | 'owner-sends';
export type Schedule = 'crypten' | 'default';

export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly ell: number;
  readonly f: number;
  readonly rounding: Rounding;
  readonly inputSharing: InputSharing;
  readonly truncation: { readonly twoParty: TruncationMethod; readonly multiParty: TruncationMethod };
  readonly schedule: Schedule;
}

export const PROFILES: readonly Profile[] = [
  {
    name: 'crypten',
    description:
      'CrypTen 0.4: ℓ 64, f 16, trunc encoding, PRZS input sharing, per-share truncation toward zero',
    ell: 64,
    f: 16,
    rounding: 'trunc',
    inputSharing: 'zero-sharing',
    truncation: { twoParty: 'local-trunc', multiParty: 'dealer' },
    schedule: 'crypten',
  },
  {
    name: 'spu',
    description: 'SecretFlow SPU fixed point: ℓ 64, f 18; other choices as default',
    ell: 64,
    f: 18,
    rounding: 'nearest',
    inputSharing: 'zero-sharing',
    truncation: { twoParty: 'local-secureml', multiParty: 'dealer' },
    schedule: 'default',
  },
  {
    name: 'default',
    description: "mpcspec's best schedule: ℓ 64, f 16, nearest encoding, PRZS input, SecureML truncation",
    ell: 64,
    f: 16,
    rounding: 'nearest',
    inputSharing: 'zero-sharing',
    truncation: { twoParty: 'local-secureml', multiParty: 'dealer' },
    schedule: 'default',
  },
];

export const ProfileName = t.keyof({ crypten: null, spu: null, default: null });

export function findProfile(name: string): Profile {
  const p = PROFILES.find((q) => q.name === name);
  if (p === undefined)
    throw usageError(`unknown profile '${name}'; known profiles: ${PROFILES.map((q) => q.name).join(', ')}`);
  return p;
}
