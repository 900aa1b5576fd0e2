// What the parent and a party process say to each other over stdin/stdout, one JSON line each
// (decoded with io-ts on both sides; docs/parties.md, "Party processes"). Parent → party: a set-up (the
// party's id, the peers' addresses, the run's secret, the timeout), then jobs (protocol, configuration,
// shapes, seed, this party's inputs). Party → parent: its port, `alive` beats, `linked`, and one result
// per job (outputs, measured cost, time, and the messages it sent when asked). Tensors travel as base64
// of their words, little-endian: one pass each way, no per-word work.
import * as t from 'io-ts';
import { bitTensor } from '../../core/bits.ts';
import { runtimeError } from '../../core/errors.ts';
import { ringTensor } from '../../core/ring.ts';
import { sizeOf } from '../../core/shape.ts';
import type { Payload } from '../../runtime/payload.ts';

export const WirePayload = t.type({
  kind: t.keyof({ ring: null, bits: null }),
  width: t.Int,
  shape: t.array(t.Int),
  base64: t.string,
});
export type WirePayload = t.TypeOf<typeof WirePayload>;

export function toWire(p: Payload): t.OutputOf<typeof WirePayload> {
  return {
    kind: p.kind,
    width: p.kind === 'ring' ? p.ell : p.width,
    shape: [...p.shape],
    base64: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('base64'),
  };
}

export function fromWire(w: WirePayload, where: string): Payload {
  const bytes = Buffer.from(w.base64, 'base64');
  const words = sizeOf(w.shape);
  if (bytes.length !== 8 * words || !w.shape.every((d) => d >= 0))
    throw runtimeError(
      `${where}: ${bytes.length} bytes do not hold a tensor of shape [${w.shape.join(', ')}]`,
    );
  const data = new BigUint64Array(words);
  new Uint8Array(data.buffer).set(bytes);
  return w.kind === 'ring' ? ringTensor(w.width, w.shape, data) : bitTensor(w.width, w.shape, data);
}

const ConfigCodec = t.type({
  profile: t.string,
  parties: t.Int,
  ell: t.Int,
  f: t.Int,
  rounding: t.keyof({ trunc: null, nearest: null }),
  inputSharing: t.keyof({ 'zero-sharing': null, 'owner-sends': null }),
  truncation: t.keyof({ 'local-trunc': null, 'local-secureml': null, dealer: null }),
  schedule: t.keyof({ crypten: null, default: null }),
});

export const PartySetup = t.type({
  type: t.literal('setup'),
  party: t.Int,
  peers: t.array(t.type({ host: t.string, port: t.Int })),
  /** The run's shared secret, hex (runtime/tcp/mesh.ts authenticates peers with it). */
  secret: t.string,
  timeoutMs: t.Int,
});
export type PartySetup = t.TypeOf<typeof PartySetup>;

export const PartyJob = t.type({
  type: t.literal('job'),
  id: t.string,
  params: t.UnknownRecord,
  config: ConfigCodec,
  shapes: t.record(t.string, t.array(t.Int)),
  seed: t.string,
  inputs: t.record(t.string, WirePayload),
  /** Whether to report the messages sent (tests compare transcripts; runs do not need them). */
  transcript: t.boolean,
  /**
   * Fault injection for tests: exit, or stop the process (SIGSTOP), before sending this label; or, alive
   * and beating, wait three timeouts before receiving it (a slow party, which must not be blamed).
   */
  fault: t.union([
    t.type({ label: t.string, action: t.keyof({ exit: null, stop: null, delay: null }) }),
    t.null,
  ]),
});
export type PartyJob = t.TypeOf<typeof PartyJob>;

export const ParentLine = t.union([PartySetup, PartyJob]);

const Metrics = t.type({
  rounds: t.number,
  bitsSent: t.number,
  bitsReceived: t.number,
  messagesSent: t.number,
  messagesReceived: t.number,
  offlineBits: t.number,
});

export const PartyResult = t.union([
  t.type({
    ok: t.literal(true),
    outputs: t.record(t.string, WirePayload),
    metrics: Metrics,
    /** Wall time of the protocol in the party, from its job's start to its outputs, in ms. */
    elapsedMs: t.number,
    preprocessing: t.record(t.string, t.number),
    sent: t.array(
      t.type({
        seq: t.number,
        from: t.number,
        to: t.number,
        round: t.number,
        label: t.string,
        payload: WirePayload,
      }),
    ),
  }),
  t.type({ ok: t.literal(false), kind: t.string, message: t.string }),
]);
export type PartyResult = t.TypeOf<typeof PartyResult>;
/** A result as written (plain numbers; the parent's decoder checks they are integers). */
export type OutgoingPartyResult = t.OutputOf<typeof PartyResult>;
export type OutgoingPartyJob = t.OutputOf<typeof PartyJob>;
export type OutgoingPartySetup = t.OutputOf<typeof PartySetup>;

/** Lines a party prints besides its result: its port, beats while alive, the mesh being linked. */
export const PartyStatus = t.union([
  t.type({ type: t.literal('port'), port: t.Int }),
  t.type({ type: t.literal('alive') }),
  t.type({ type: t.literal('linked') }),
]);
export type PartyStatus = t.TypeOf<typeof PartyStatus>;
