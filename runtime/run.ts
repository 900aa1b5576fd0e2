// Running n parties on the in-memory network (DESIGN.md, Parties): derive every key from one seed, run
// one async body per party, and collect outputs, measured cost, transcript and views.
//   party i's tape:   K(K₀, "party/i")        dealer tape: K(K₀, "dealer")
//   zero-sharing key between parties i and i+1 mod n:    K(K₀, "przs/i")
import { MpcspecError, runtimeError } from '../core/errors.ts';
import { KeyedTape, type Tape } from '../core/tape.ts';
import { PartyContext, type PartyState } from './context.ts';
import { type RunKeys, runKeys } from './keys.ts';
import { createPartyState } from './party-state.ts';
import { Dealer } from './dealer.ts';
import { InMemoryNetwork } from './network.ts';
import type { Payload } from './payload.ts';
import type { Message, PartyView } from './transcript.ts';

export { type RunKeys, runKeys } from './keys.ts';

export interface PartyMetrics {
  readonly rounds: number;
  readonly bitsSent: number;
  readonly bitsReceived: number;
  readonly messagesSent: number;
  readonly messagesReceived: number;
  readonly offlineBits: number;
}

export interface RunMetrics {
  /** The largest logical clock over all parties. */
  readonly rounds: number;
  readonly parties: readonly PartyMetrics[];
  /** Dealer items per kind. */
  readonly preprocessing: Readonly<Record<string, number>>;
}

export interface RunResult<T> {
  readonly outputs: T[];
  readonly metrics: RunMetrics;
  readonly transcript: readonly Message[];
  readonly views: readonly PartyView[];
  readonly keys: RunKeys;
}

export interface RunOptions {
  readonly parties: number;
  readonly seed: bigint;
  /** Each party's inputs, recorded in its view. */
  readonly inputs?: readonly Readonly<Record<string, Payload>>[];
  /**
   * Custom tapes by source — 'party/i', 'dealer', 'przs/i' (the pair i, i+1: asked for by both) — for the
   * privacy audit, which enumerates randomness; default: a KeyedTape under the run's key of that name.
   */
  readonly tapes?: (source: string, owner: string) => Tape;
  /** The party whose dealer shares are derived (value − Σ the others' draws); default the last. */
  readonly dealerDerivedParty?: number;
  /**
   * Record the transcript and the views (default). Off, a run keeps only outputs and counters: a whole
   * model's messages and preprocessing would not fit in memory.
   */
  readonly record?: boolean;
}

export async function runParties<T>(
  options: RunOptions,
  body: (ctx: PartyContext, party: number) => Promise<T>,
): Promise<RunResult<T>> {
  const n = options.parties;
  if (!Number.isInteger(n) || n < 2) throw runtimeError(`parties: need an integer ≥ 2, got ${n}`);
  const keys = runKeys(options.seed, n);
  const record = options.record ?? true;
  const network = new InMemoryNetwork(n, record);
  const dealer = new Dealer(
    n,
    // The dealer's draws are in no party's view, so its tape does not keep copies of them.
    options.tapes?.('dealer', 'dealer') ?? new KeyedTape('dealer', keys.dealer, false),
    options.dealerDerivedParty,
  );
  const states: PartyState[] = Array.from({ length: n }, (_, i) =>
    createPartyState(i, n, keys, network, dealer, options.tapes, record),
  );

  const settled = await Promise.allSettled(
    states.map(async (state, i) => {
      try {
        const out = await body(new PartyContext(state), i);
        network.finish(i);
        return out;
      } catch (e) {
        network.fail(i, e instanceof Error ? e : new Error(String(e)));
        throw e;
      }
    }),
  );
  const firstFailure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (firstFailure !== undefined) {
    const root = network.abortReason ?? firstFailure.reason;
    throw root instanceof MpcspecError ? root : root instanceof Error ? root : new Error(String(root));
  }
  const left = network.undelivered();
  if (left.length > 0) {
    const m = left[0]!;
    throw runtimeError(
      `party ${m.to} never received '${m.label}' sent by party ${m.from} in round ${m.round} (${left.length} undelivered message(s))`,
    );
  }
  const unclaimed = dealer.unclaimed();
  if (unclaimed.length > 0)
    throw runtimeError(`dealer: material not taken by every party: ${unclaimed.join('; ')}`);

  const outputs = settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  const metrics: RunMetrics = {
    rounds: Math.max(...states.map((s) => s.counters.clock)),
    parties: states.map((s, i) => ({
      rounds: s.counters.clock,
      bitsSent: s.counters.bitsSent,
      bitsReceived: s.counters.bitsReceived,
      messagesSent: s.counters.messagesSent,
      messagesReceived: s.counters.messagesReceived,
      offlineBits: dealer.offlineBits[i]!,
    })),
    preprocessing: { ...dealer.preprocessing },
  };
  const views: PartyView[] = states.map((s, i) => ({
    party: i,
    inputs: options.inputs?.[i] ?? {},
    tapes: [s.tape, s.pairTapes.next, s.pairTapes.prev].map((t) => ({ tape: t.owner, draws: t.draws })),
    preprocessing: s.preprocessing,
    received: s.received,
  }));
  return { outputs, metrics, transcript: network.transcript, views, keys };
}
