// What the parent and a party process say to each other over stdin/stdout, one JSON line each way
// (decoded with io-ts on both sides): the job (which protocol, configuration, shapes, seed, this party's
// inputs, the other parties' ports) and the result (outputs, measured cost, the messages it sent).
// Tensors travel as fixed-width hex: 16 hex digits per 64-bit word, most significant first.
import * as t from 'io-ts';
import { bitTensor } from '../../core/bits.ts';
import { ringTensor } from '../../core/ring.ts';
import type { Payload } from '../../runtime/payload.ts';

export const WirePayload = t.type({
  kind: t.keyof({ ring: null, bits: null }),
  width: t.Int,
  shape: t.array(t.Int),
  hex: t.string,
});
export type WirePayload = t.TypeOf<typeof WirePayload>;

export function toWire(p: Payload): { kind: 'ring' | 'bits'; width: number; shape: number[]; hex: string } {
  return {
    kind: p.kind,
    width: p.kind === 'ring' ? p.ell : p.width,
    shape: [...p.shape],
    hex: Array.from(p.data, (w) => w.toString(16).padStart(16, '0')).join(''),
  };
}

export function fromWire(w: WirePayload): Payload {
  const data = new BigUint64Array(w.hex.length / 16);
  for (let i = 0; i < data.length; i++) data[i] = BigInt(`0x${w.hex.slice(16 * i, 16 * i + 16)}`);
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

export const PartyJob = t.type({
  party: t.Int,
  ports: t.array(t.Int),
  host: t.string,
  timeoutMs: t.Int,
  id: t.string,
  params: t.UnknownRecord,
  config: ConfigCodec,
  shapes: t.record(t.string, t.array(t.Int)),
  seed: t.string,
  inputs: t.record(t.string, WirePayload),
  /** Fault injection for tests of dropped connections: exit before sending a message with this label. */
  exitBeforeLabel: t.union([t.string, t.null]),
});
export type PartyJob = t.TypeOf<typeof PartyJob>;

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
