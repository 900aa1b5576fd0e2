// The backend protocol, version 1 (docs/backends.md): newline-delimited JSON between the conformance
// runner and an adapter that drives another MPC engine. The runner writes `hello`, one `case` per test
// case and `bye` to the adapter's stdin; the adapter writes one `handshake`, then one `result` or
// `error` per case, to its stdout (its stderr is its log). These io-ts codecs are the definition: the
// JSON Schema under backend/schema/ is exported from them, and fields they do not name are ignored.
import * as t from 'io-ts';
import { withSchema } from '../../vectors/format/json-schema.ts';
import { NonNegativeInt, PositiveInt, SeedString } from '../../vectors/format/primitives.ts';
import { RingWord, RingWordString } from './words.ts';

export const PROTOCOL_VERSION = 1;

const Shape = t.array(NonNegativeInt);
const Scale = t.keyof({ fixed: null, int: null, bit: null });
const Holder = t.keyof({ shared: null, owner: null, public: null });
const Delivery = t.keyof({ shared: null, clear: null });
const Params = t.record(t.string, t.unknown);
const Finite = withSchema(t.refinement(t.number, Number.isFinite, 'FiniteNumber'), { type: 'number' });

// ---- runner → adapter -------------------------------------------------------------------------------

export const HelloMessage = t.type({
  type: t.literal('hello'),
  /** The protocol version the runner speaks. */
  protocol: PositiveInt,
  /** The runner, e.g. "mpcspec 0.1.0". */
  runner: t.string,
});
export type HelloMessage = t.TypeOf<typeof HelloMessage>;

export const InputTensor = t.intersection([
  t.type({
    shape: Shape,
    scale: Scale,
    holder: Holder,
    /** The encoded value: one signed decimal string per element, row-major. */
    ring: t.array(RingWordString),
    /** The same values read by their scale (ring / 2^f for `fixed`), as JSON numbers. */
    real: t.array(t.number),
  }),
  t.partial({ owner: NonNegativeInt }),
]);
export type InputTensor = t.TypeOf<typeof InputTensor>;

export const OutputDecl = t.type({ shape: Shape, scale: Scale, delivery: Delivery });
export type OutputDecl = t.TypeOf<typeof OutputDecl>;

export const CaseMessage = t.intersection([
  t.type({
    type: t.literal('case'),
    /** The case id, unique in a run: the result must carry it back. */
    case: t.string,
    op: t.string,
    /** The op's parameters, complete (the spec's defaults filled in). */
    params: Params,
    inputs: t.record(t.string, InputTensor),
    outputs: t.record(t.string, OutputDecl),
    /** The case seed (mpcspec's PRG keys derive from it; docs/backends.md "Seeds"). */
    seed: SeedString,
  }),
  t.partial({
    /** For adapters that asked for shares: each party's input shares, per input. */
    shares: t.array(t.record(t.string, t.array(RingWordString))),
    /** The runner asks for every party's view (view audit). */
    views: t.boolean,
    /** Present for a view-audit batch: the inputs hold this many instances along their first axis. */
    instances: PositiveInt,
  }),
]);
export type CaseMessage = t.TypeOf<typeof CaseMessage>;

export const ByeMessage = t.type({ type: t.literal('bye') });
export type ByeMessage = t.TypeOf<typeof ByeMessage>;

// ---- adapter → runner -------------------------------------------------------------------------------

export const OpClaim = t.union([
  t.string,
  t.intersection([t.type({ id: t.string }), t.partial({ params: Params, views: t.boolean })]),
]);
export type OpClaim = t.TypeOf<typeof OpClaim>;

export const HandshakeMessage = t.intersection([
  t.type({
    type: t.literal('handshake'),
    protocol: PositiveInt,
    backend: t.intersection([t.type({ name: t.string }), t.partial({ version: t.string })]),
    parties: PositiveInt,
    ops: t.array(OpClaim),
  }),
  t.partial({
    /** The mpcspec profile whose encoding, truncation and schedule the backend follows. */
    profile: t.string,
    ring: t.type({ ell: PositiveInt, f: NonNegativeInt }),
    encoding: t.keyof({ trunc: null, nearest: null }),
    truncation: t.keyof({ 'local-trunc': null, 'local-secureml': null, dealer: null }),
    schedule: t.keyof({ crypten: null, default: null }),
    /** Send each party's input shares with every case. */
    inputShares: t.boolean,
    /** The adapter can report every party's view (default for every op; an op may say otherwise). */
    views: t.boolean,
  }),
]);
export type HandshakeMessage = t.TypeOf<typeof HandshakeMessage>;

/** An output tensor as ring words, or as reals read by its scale; `shape`, if given, must be the spec's. */
export const OutputValue = t.union([
  t.intersection([t.type({ ring: t.array(RingWord) }), t.partial({ shape: Shape })]),
  t.intersection([t.type({ real: t.array(Finite) }), t.partial({ shape: Shape })]),
]);
export type OutputValue = t.TypeOf<typeof OutputValue>;

export const PartyCounters = t.partial({
  bitsSent: NonNegativeInt,
  bytesSent: NonNegativeInt,
  bitsReceived: NonNegativeInt,
  bytesReceived: NonNegativeInt,
  /** Bytes sent plus bytes received, as CrypTen's communicator counts them. */
  bytes: NonNegativeInt,
  messagesSent: NonNegativeInt,
  offlineBits: NonNegativeInt,
  offlineBytes: NonNegativeInt,
});
export type PartyCounters = t.TypeOf<typeof PartyCounters>;

export const Counters = t.partial({
  rounds: NonNegativeInt,
  parties: t.array(PartyCounters),
  preprocessing: t.record(t.string, NonNegativeInt),
});
export type Counters = t.TypeOf<typeof Counters>;

export const ViewItem = t.intersection([
  t.type({
    name: t.string,
    role: t.keyof({ input: null, randomness: null, preprocessing: null, message: null }),
    words: t.array(RingWord),
  }),
  t.partial({
    /** Meaningful bits per word (default ℓ). */
    width: PositiveInt,
    /** With `instances`: the item's shape and which axis runs over the instances (default 0). */
    shape: Shape,
    batchAxis: NonNegativeInt,
  }),
]);
export type ViewItem = t.TypeOf<typeof ViewItem>;

export const PartyView = t.type({ party: NonNegativeInt, items: t.array(ViewItem) });
export type PartyView = t.TypeOf<typeof PartyView>;

export const ResultMessage = t.intersection([
  t.type({ type: t.literal('result'), case: t.string }),
  t.partial({
    /** Clear outputs: ring words, or reals read by the output's scale. */
    outputs: t.record(t.string, OutputValue),
    /** Each party's output shares (ring words), summed by the runner for outputs not in `outputs`. */
    outputShares: t.array(t.record(t.string, t.array(RingWord))),
    cost: Counters,
    views: t.array(PartyView),
  }),
]);
export type ResultMessage = t.TypeOf<typeof ResultMessage>;

export const ErrorMessage = t.intersection([
  t.type({ type: t.literal('error'), message: t.string }),
  t.partial({
    case: t.string,
    /** Instead of the handshake: the engine is not available here (not installed): the run is skipped. */
    skip: t.boolean,
  }),
]);
export type ErrorMessage = t.TypeOf<typeof ErrorMessage>;

export type AdapterMessage = HandshakeMessage | ResultMessage | ErrorMessage;
export type RunnerMessage = HelloMessage | CaseMessage | ByeMessage;
