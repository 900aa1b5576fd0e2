// One party's runtime state, the same whether all parties share a process (runtime/run.ts) or each runs
// in its own (harness/tcp/): its tape K(K₀, "party/i"), its zero-sharing tapes K(K₀, "przs/i") with the
// next party and K(K₀, "przs/i−1") with the previous one, counters, and what its view records (nothing
// when `record` is off: a long run keeps no view).
import { KeyedTape, type Tape } from '../core/tape.ts';
import type { PartyState } from './context.ts';
import type { Dealer } from './dealer.ts';
import type { RunKeys } from './keys.ts';
import type { Transport } from './transport.ts';

/** Tapes by source ('party/i', 'przs/i'); the default is a KeyedTape under the run's key of that name. */
export type TapeSource = (source: string, owner: string) => Tape | undefined;

export function createPartyState(
  party: number,
  parties: number,
  keys: RunKeys,
  network: Transport,
  dealer: Dealer,
  tapes?: TapeSource,
  record = true,
): PartyState {
  const n = parties;
  const prev = (party + n - 1) % n;
  const tape = (source: string, owner: string, key: Uint8Array): Tape =>
    tapes?.(source, owner) ?? new KeyedTape(owner, key, record);
  return {
    party,
    parties,
    network,
    dealer,
    tape: tape(`party/${party}`, `party ${party}`, keys.parties[party]!),
    pairTapes: {
      next: tape(`przs/${party}`, `party ${party} (zero-sharing with ${(party + 1) % n})`, keys.przs[party]!),
      prev: tape(`przs/${prev}`, `party ${party} (zero-sharing with ${prev})`, keys.przs[prev]!),
    },
    counters: { clock: 0, bitsSent: 0, bitsReceived: 0, messagesSent: 0, messagesReceived: 0, dealt: {} },
    received: [],
    preprocessing: [],
    record,
  };
}
