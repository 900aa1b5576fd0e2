// The dealer (trusted third party, DESIGN.md "Parties"): correlated randomness produced from its own
// seed before the online phase and counted as offline traffic. One mechanism serves every kind of
// material: a generator draws the secret values from the dealer tape under the request's label, and the
// dealer splits each value into n shares the same way (docs/arithmetic.md, "Dealer material"):
//   share_j = draw(`${label}/${name}/share/${j}`) for j < n−1,   share_{n−1} = value − Σ share_j
// (XOR instead of − for boolean values). Material is keyed by label, so every party asking for the same
// label gets its share of the same values, in any order. A request may also bring a two-party fast path
// that computes the very same shares in one pass from the draws' keys (the AND triples, which are most of
// a comparison's dealer time); the dealer takes it when its tape hands out keys.
import { subtractWords, xorWords } from '../core/ring-kernels.ts';
import { type BitTensor, bitTensor } from '../core/bits.ts';
import { runtimeError } from '../core/errors.ts';
import { type RingTensor, ringMask, ringTensor } from '../core/ring.ts';
import { type Shape, formatShape, sizeOf } from '../core/shape.ts';
import { type Tape, ringDraw } from '../core/tape.ts';
import type { Key } from '../core/prg.ts';
import { type Payload, payloadBits } from './payload.ts';

/** The dealer-side draws a generator may make; names are scoped under the request label. */
export interface DealerDraws {
  ring(name: string, ell: number, shape: Shape): RingTensor;
  bits(name: string, width: number, shape: Shape): BitTensor;
}

export interface MaterialRequest {
  /** The kind of material, e.g. 'beaver-triple'; counted in the preprocessing tally. */
  readonly kind: string;
  readonly label: string;
  /** Items of this kind the request stands for (e.g. one triple per element). */
  readonly items: number;
  /** Identifies the request's parameters (shapes, ring): parties asking for one label must agree. */
  readonly signature: string;
  /** Produce the secret values; each is shared arithmetically (ring) or by XOR (bits). */
  readonly generate: (draws: DealerDraws) => Readonly<Record<string, Payload>>;
  /**
   * Optional fast path for two parties, used when the dealer tape hands out keys (Tape.keyFor): the very
   * shares `generate` and the split would give, computed in one pass over the keystreams. `key(draw)` is
   * the key of the dealer draw named `draw` under the request label (a value's name, or
   * shareDrawName(name, raw)); party `raw` receives the share draws, the other party the derived shares.
   * Returns the shares of party 0 and party 1. Tests compare it with the generic path.
   */
  readonly dealTwoParty?: (key: (draw: string) => Key, raw: number) => readonly [SharesOf, SharesOf];
}

type SharesOf = Readonly<Record<string, Payload>>;

/** The name of the dealer draw that is party j's share of value `name` (j ≠ the derived party). */
export const shareDrawName = (name: string, j: number): string => `${name}/share/${j}`;

interface Dealt {
  readonly kind: string;
  readonly signature: string;
  readonly askedBy: number;
  readonly shares: readonly SharesOf[];
  readonly taken: Set<number>;
}

export class Dealer {
  private readonly pending = new Map<string, Dealt>();
  private readonly offline: number[];
  private readonly tally: Record<string, number> = {};

  /**
   * `derivedParty` receives value − Σ (the others' shares are fresh draws); the last party unless a caller
   * (the privacy audit, which wants the audited party's shares to be raw draws) chooses another.
   */
  constructor(
    readonly parties: number,
    private readonly tape: Tape,
    private readonly derivedParty = parties - 1,
    /**
     * The one party this dealer serves, in a process of its own (harness/tcp/party-main.ts): the other
     * parties' shares are dropped as soon as it has taken its own, instead of waiting for them.
     */
    private readonly servedParty?: number,
  ) {
    this.offline = Array.from({ length: parties }, () => 0);
  }

  take(party: number, request: MaterialRequest): Readonly<Record<string, Payload>> {
    let dealt = this.pending.get(request.label);
    if (dealt === undefined) {
      dealt = this.deal(party, request);
      this.pending.set(request.label, dealt);
    } else if (dealt.kind !== request.kind || dealt.signature !== request.signature) {
      throw runtimeError(
        `dealer: party ${party} asked for ${request.kind} ${request.signature} under label '${request.label}' but party ${dealt.askedBy} asked for ${dealt.kind} ${dealt.signature}`,
      );
    }
    if (dealt.taken.has(party)) {
      throw runtimeError(
        `dealer: party ${party} asked twice for material labelled '${request.label}'; every request needs its own label`,
      );
    }
    dealt.taken.add(party);
    if (dealt.taken.size === this.parties || party === this.servedParty) this.pending.delete(request.label);
    const mine = dealt.shares[party]!;
    for (const v of Object.values(mine)) this.offline[party]! += payloadBits(v);
    return mine;
  }

  /** Offline bits delivered to each party so far. */
  get offlineBits(): readonly number[] {
    return this.offline;
  }

  /** Items dealt so far, per kind. */
  get preprocessing(): Readonly<Record<string, number>> {
    return this.tally;
  }

  /** Labels some parties asked for and others never did: a protocol whose parties diverge. */
  unclaimed(): string[] {
    return [...this.pending.entries()].map(([label, d]) => `${label} (taken by ${[...d.taken].join(', ')})`);
  }

  private deal(party: number, request: MaterialRequest): Dealt {
    const shares = this.dealFused(request) ?? this.dealGeneric(request);
    this.tally[request.kind] = (this.tally[request.kind] ?? 0) + request.items;
    return { kind: request.kind, signature: request.signature, askedBy: party, shares, taken: new Set() };
  }

  private dealFused(request: MaterialRequest): readonly SharesOf[] | undefined {
    const { dealTwoParty } = request;
    const { keyFor } = this.tape;
    if (dealTwoParty === undefined || keyFor === undefined || this.parties !== 2) return undefined;
    return dealTwoParty((draw) => keyFor(`${request.label}/${draw}`), 1 - this.derivedParty);
  }

  private dealGeneric(request: MaterialRequest): SharesOf[] {
    const { label } = request;
    const draws: DealerDraws = {
      ring: (name, ell, shape) =>
        ringTensor(ell, shape, ringDraw(this.tape, `${label}/${name}`, ell, sizeOf(shape))),
      bits: (name, width, shape) =>
        bitTensor(width, shape, ringDraw(this.tape, `${label}/${name}`, width, sizeOf(shape))),
    };
    const values = request.generate(draws);
    const shares: Record<string, Payload>[] = Array.from({ length: this.parties }, () => ({}));
    for (const [name, value] of Object.entries(values)) {
      const parts = this.split(`${label}/${name}`, value);
      parts.forEach((p, j) => (shares[j]![name] = p));
    }
    return shares;
  }

  /** Split a freshly generated (dealer-owned) value; the last share is computed in its buffer. */
  private split(drawn: string, value: Payload): Payload[] {
    const n = this.parties;
    const count = value.data.length;
    const width = value.kind === 'ring' ? value.ell : value.width;
    const last = value.data;
    const mask = ringMask(width);
    const parts: Payload[] = [];
    for (let j = 0; j < n; j++) {
      if (j === this.derivedParty) continue;
      const r = ringDraw(this.tape, shareDrawName(drawn, j), width, count);
      if (value.kind === 'ring') subtractWords([last, r, last], [mask], count);
      else xorWords([last, r, last], [], count);
      parts[j] = value.kind === 'ring' ? ringTensor(width, value.shape, r) : bitTensor(width, value.shape, r);
    }
    parts[this.derivedParty] =
      value.kind === 'ring' ? ringTensor(width, value.shape, last) : bitTensor(width, value.shape, last);
    return parts;
  }
}

export const shapeSignature = (ell: number, ...shapes: Shape[]): string =>
  `Z_2^${ell} ${shapes.map(formatShape).join(' ')}`;
