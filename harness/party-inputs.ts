// Handing inputs to parties as the spec declares them (spec/types.ts InputDecl): `shared` inputs are
// split into uniform additive shares by the harness (the ideal sharing, not part of the protocol's
// cost), from K(K₀(seed), "harness") under labels "<input>/<party>"; `owner` inputs go in the clear to
// their owner; `public` inputs to every party.
import { runtimeError } from '../core/errors.ts';
import { type RingTensor, ringMask, ringTensor } from '../core/ring.ts';
import { deriveKey, rootKey } from '../core/prg.ts';
import { KeyedTape, type Tape, ringDraw } from '../core/tape.ts';
import type { Payload } from '../runtime/payload.ts';
import type { Config } from '../spec/config.ts';
import type { InputDecl } from '../spec/types.ts';

export function additiveShares(
  value: RingTensor,
  parties: number,
  tape: Tape,
  name: string,
  derivedParty = parties - 1,
): RingTensor[] {
  const { ell } = value;
  const m = ringMask(ell);
  const last = new BigUint64Array(value.data);
  const shares: RingTensor[] = [];
  for (let j = 0; j < parties; j++) {
    if (j === derivedParty) continue;
    const r = ringDraw(tape, `${name}/${j}`, ell, last.length);
    for (let i = 0; i < last.length; i++) last[i] = (last[i]! - r[i]!) & m;
    shares[j] = ringTensor(ell, value.shape, r);
  }
  shares[derivedParty] = ringTensor(ell, value.shape, last);
  return shares;
}

/** Custom randomness for the harness's sharing (the privacy audit enumerates it); default: the seed's tape. */
export interface PartyInputOptions {
  readonly tape?: Tape;
  /** The party whose share is value − Σ the others' draws (default the last). */
  readonly derivedParty?: number;
}

export function partyInputs(
  decls: readonly InputDecl[],
  clear: Readonly<Record<string, RingTensor>>,
  config: Config,
  seed: bigint,
  options: PartyInputOptions = {},
): Record<string, Payload>[] {
  const tape = options.tape ?? new KeyedTape('harness', deriveKey(rootKey(seed), 'harness'), false);
  const out: Record<string, Payload>[] = Array.from({ length: config.parties }, () => ({}));
  for (const d of decls) {
    const v = clear[d.name];
    if (v === undefined) throw runtimeError(`harness: no value for input '${d.name}'`);
    if (d.holder === 'shared') {
      additiveShares(v, config.parties, tape, d.name, options.derivedParty).forEach(
        (s, j) => (out[j]![d.name] = s),
      );
    } else if (d.holder === 'owner') {
      out[d.owner ?? 0]![d.name] = v;
    } else {
      for (const o of out) o[d.name] = v;
    }
  }
  return out;
}
