// The party context (DESIGN.md, Parties): everything a protocol may touch. Messages and tape draws are
// labelled with the context's scope path, so the same sub-protocol called twice under different scopes
// never reuses a label. Rounds are logical clocks: a message is stamped with the sender's clock + 1, a
// receiver's clock becomes max(own, stamp); independent messages therefore share a round.
import { subtractWords, xorWords } from '../core/ring-kernels.ts';
import { type BitTensor, bitTensor } from '../core/bits.ts';
import { runtimeError } from '../core/errors.ts';
import { type RingTensor, ringMask, ringTensor } from '../core/ring.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { type Tape, ringDraw } from '../core/tape.ts';
import type { Dealer, MaterialRequest } from './dealer.ts';
import type { Transport } from './transport.ts';
import { type Payload, describePayload, payloadBits } from './payload.ts';
import type { Message, PreprocessingItem } from './transcript.ts';

export interface PartyCounters {
  clock: number;
  bitsSent: number;
  bitsReceived: number;
  messagesSent: number;
  messagesReceived: number;
  /** Dealer items this party has taken, per kind (every party takes each item). */
  dealt: Record<string, number>;
}

/** A party's counters at one moment (PartyContext.meter), for the cost of a stretch of a run. */
export interface PartyMeter {
  readonly clock: number;
  readonly bitsSent: number;
  readonly bitsReceived: number;
  readonly messagesSent: number;
  readonly offlineBits: number;
  readonly dealt: Readonly<Record<string, number>>;
}

/** The mutable state one party's scoped contexts share. */
export interface PartyState {
  readonly party: number;
  readonly parties: number;
  /** The in-memory network (all parties in one process) or one party's TCP links. */
  readonly network: Transport;
  readonly dealer: Dealer;
  readonly tape: Tape;
  /** Pairwise tapes for zero-sharing: `next` shared with party+1, `prev` with party−1 (mod n). */
  readonly pairTapes: { readonly next: Tape; readonly prev: Tape };
  readonly counters: PartyCounters;
  readonly received: Message[];
  readonly preprocessing: PreprocessingItem[];
  /** Whether the view is recorded (received messages, preprocessing); long model runs keep none. */
  readonly record: boolean;
}

export class PartyContext {
  constructor(
    private readonly state: PartyState,
    readonly path: string = '',
  ) {}

  get party(): number {
    return this.state.party;
  }
  get parties(): number {
    return this.state.parties;
  }
  /** This party's logical clock: the number of rounds it has observed so far. */
  get round(): number {
    return this.state.counters.clock;
  }
  /** Every party except this one, in order. */
  get others(): number[] {
    return Array.from({ length: this.parties }, (_, i) => i).filter((i) => i !== this.party);
  }

  /** A context whose labels live under `name` (for sub-protocols and loop iterations). */
  scope(name: string): PartyContext {
    return new PartyContext(this.state, this.label(name));
  }

  label(name: string): string {
    return this.path === '' ? name : `${this.path}/${name}`;
  }

  send(to: number, name: string, payload: Payload): void {
    const c = this.state.counters;
    this.state.network.send(this.party, to, c.clock + 1, this.label(name), payload);
    c.bitsSent += payloadBits(payload);
    c.messagesSent += 1;
  }

  async recv(from: number, name: string): Promise<Payload> {
    const c = this.state.counters;
    const msg = await this.state.network.recv(this.party, from, this.label(name), c.clock);
    c.clock = Math.max(c.clock, msg.round);
    c.bitsReceived += payloadBits(msg.payload);
    c.messagesReceived += 1;
    if (this.state.record) this.state.received.push(msg);
    return msg.payload;
  }

  async recvRing(from: number, name: string, ell: number): Promise<RingTensor> {
    const p = await this.recv(from, name);
    if (p.kind !== 'ring' || p.ell !== ell) {
      throw runtimeError(
        `party ${this.party}, round ${this.round}, label '${this.label(name)}': expected a Z_2^${ell} tensor from party ${from}, got ${describePayload(p)}`,
      );
    }
    return p;
  }

  async recvBits(from: number, name: string): Promise<BitTensor> {
    const p = await this.recv(from, name);
    if (p.kind !== 'bits') {
      throw runtimeError(
        `party ${this.party}, round ${this.round}, label '${this.label(name)}': expected a bit tensor from party ${from}, got ${describePayload(p)}`,
      );
    }
    return p;
  }

  /** Uniform elements of Z_{2^ℓ} from this party's own tape. */
  random(name: string, ell: number, shape: Shape): RingTensor {
    return ringTensor(ell, shape, ringDraw(this.state.tape, this.label(name), ell, sizeOf(shape)));
  }

  /**
   * Pairwise-seeded zero sharing (PRZS, as CrypTen): z_i = G(k_{i,i+1}) − G(k_{i−1,i}); the z_i sum to 0
   * and cost no communication once the pairwise keys exist.
   */
  zeroShare(name: string, ell: number, shape: Shape): RingTensor {
    const n = sizeOf(shape);
    const label = this.label(name);
    const next = ringDraw(this.state.pairTapes.next, label, ell, n);
    const prev = ringDraw(this.state.pairTapes.prev, label, ell, n);
    subtractWords([next, prev, next], [ringMask(ell)], n);
    return ringTensor(ell, shape, next);
  }

  /**
   * XOR zero sharing (CrypTen's BinarySharedTensor.PRZS): z_i = G(k_{i,i+1}) ⊕ G(k_{i−1,i}), `width`-bit
   * words that XOR to 0 over all parties; no communication.
   */
  zeroShareBits(name: string, width: number, shape: Shape): BitTensor {
    const n = sizeOf(shape);
    const label = this.label(name);
    const next = ringDraw(this.state.pairTapes.next, label, width, n);
    const prev = ringDraw(this.state.pairTapes.prev, label, width, n);
    xorWords([next, prev, next], [], n);
    return bitTensor(width, shape, next);
  }

  /** This party's share of dealer material (offline); the request's label is scoped here. */
  deal(request: MaterialRequest): Readonly<Record<string, Payload>> {
    const scoped = { ...request, label: this.label(request.label) };
    const values = this.state.dealer.take(this.party, scoped);
    const dealt = this.state.counters.dealt;
    dealt[request.kind] = (dealt[request.kind] ?? 0) + request.items;
    if (this.state.record) this.state.preprocessing.push({ kind: request.kind, label: scoped.label, values });
    return values;
  }

  /** This party's counters now: rounds seen, bits, messages, offline bits and dealer items so far. */
  meter(): PartyMeter {
    const c = this.state.counters;
    return {
      clock: c.clock,
      bitsSent: c.bitsSent,
      bitsReceived: c.bitsReceived,
      messagesSent: c.messagesSent,
      offlineBits: this.state.dealer.offlineBits[this.party]!,
      dealt: { ...c.dealt },
    };
  }
}
