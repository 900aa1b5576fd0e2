// Wire format of the TCP transport (docs/parties.md, "Wire format"): a frame is u32le(header length) ‖
// header (UTF-8 JSON) ‖ payload, the payload being a message tensor's words as little-endian u64.
// Headers are decoded with io-ts and their numbers checked (a header of at most MAX_HEADER_BYTES, a
// shape of non-negative dimensions and at most MAX_FRAME_WORDS words, a width from 1 to 64, a round
// ≥ 1), so garbage or a malformed frame from a peer is a one-line fault naming the receiving party, the
// frame's number and sender, the field, and the frame's label and round — never a crash inside a
// typed-array constructor or a wait for a 4 GiB header. Each payload is copied once each way: into the
// outgoing frame on send, and from the socket's chunks straight into its word array on receipt.
import * as t from 'io-ts';
import { bitTensor } from '../../core/bits.ts';
import { faultError } from '../../core/errors.ts';
import { ringTensor } from '../../core/ring.ts';
import { sizeOf } from '../../core/shape.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import type { Payload } from '../payload.ts';

/**
 * Connection set-up (runtime/tcp/mesh.ts): the accepting party sends a challenge, the dialling party
 * answers with a hello whose MAC covers both party ids and the challenge, the acceptor proves the same
 * secret with a welcome over the dialler's nonce. Then messages, and heartbeats while a party is alive.
 */
export const FrameHeader = t.union([
  t.type({ type: t.literal('challenge'), party: t.Int, nonce: t.string }),
  t.type({ type: t.literal('hello'), party: t.Int, to: t.Int, nonce: t.string, mac: t.string }),
  t.type({ type: t.literal('welcome'), mac: t.string }),
  t.type({ type: t.literal('heartbeat') }),
  t.type({
    type: t.literal('message'),
    round: t.Int,
    label: t.string,
    kind: t.keyof({ ring: null, bits: null }),
    width: t.Int,
    shape: t.array(t.Int),
  }),
]);
export type FrameHeader = t.TypeOf<typeof FrameHeader>;

export interface Frame {
  readonly header: FrameHeader;
  /** The frame's number on its connection, from 1 (errors name it). */
  readonly number: number;
  readonly payload?: Payload;
}

/** A header as written (plain numbers; the reader checks they are integers). */
export type OutgoingHeader = t.OutputOf<typeof FrameHeader>;

export function encodeFrame(header: OutgoingHeader, payload?: Payload): Buffer {
  const head = JSON.stringify(header);
  const headBytes = Buffer.byteLength(head, 'utf8');
  const bodyBytes = payload === undefined ? 0 : payload.data.byteLength;
  const frame = Buffer.allocUnsafe(4 + headBytes + bodyBytes);
  frame.writeUInt32LE(headBytes, 0);
  frame.write(head, 4, 'utf8');
  if (payload !== undefined)
    frame.set(
      new Uint8Array(payload.data.buffer, payload.data.byteOffset, payload.data.byteLength),
      4 + headBytes,
    );
  return frame;
}

/** The most words one frame may carry (8 GiB): a header claiming more is malformed, not a huge message. */
export const MAX_FRAME_WORDS = 2 ** 30;
/** The longest header (JSON) a frame may have: a longer length prefix is garbage, not a wait. */
export const MAX_HEADER_BYTES = 2 ** 16;

/** Where a message payload goes: a word array of n words (a run's arena, core/word-pool.ts). */
export type AllocWords = (n: number) => BigUint64Array;

interface PendingPayload {
  readonly header: Extract<FrameHeader, { type: 'message' }>;
  readonly number: number;
  readonly data: BigUint64Array;
  readonly bytes: Uint8Array;
  filled: number;
}

/** Reassembles frames from a byte stream; `push` returns every frame completed by the chunk. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private have = 0;
  private frames = 0;
  private body: PendingPayload | undefined;

  /** `receiver` reads what `sender` (e.g. "party 2", or "a connecting party" before its hello) sends. */
  constructor(
    private readonly receiver: number,
    private sender: string,
    private readonly alloc: AllocWords = (n) => new BigUint64Array(n),
  ) {}

  /** Name the sender once it has introduced itself. */
  identify(sender: string): void {
    this.sender = sender;
  }

  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.have += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.body !== undefined) {
        if (!this.fill(this.body)) break;
        frames.push(this.finish(this.body));
        this.body = undefined;
        continue;
      }
      if (this.have < 4) break;
      const headLen = this.peek(4).readUInt32LE(0);
      if (headLen > MAX_HEADER_BYTES)
        throw faultError(
          `${this.where()}: length prefix: a header of ${headLen} bytes, more than ${MAX_HEADER_BYTES} (garbage on the connection?)`,
        );
      if (this.have < 4 + headLen) break;
      const bytes = this.take(4 + headLen).subarray(4);
      this.frames++;
      const header = this.parseHeader(bytes);
      if (header.type !== 'message') {
        frames.push({ header, number: this.frames });
        continue;
      }
      const data = this.alloc(sizeOf(header.shape));
      const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.body = { header, number: this.frames, data, bytes: view, filled: 0 };
    }
    return frames;
  }

  /** Move buffered bytes into the payload; true once it is complete. */
  private fill(p: PendingPayload): boolean {
    while (p.filled < p.bytes.length && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const n = Math.min(c.length, p.bytes.length - p.filled);
      p.bytes.set(n === c.length ? c : c.subarray(0, n), p.filled);
      p.filled += n;
      this.have -= n;
      if (n === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(n);
    }
    return p.filled === p.bytes.length;
  }

  private finish(p: PendingPayload): Frame {
    const { header, data } = p;
    const payload =
      header.kind === 'ring'
        ? ringTensor(header.width, header.shape, data)
        : bitTensor(header.width, header.shape, data);
    return { header, number: p.number, payload };
  }

  /** The first n buffered bytes, without consuming them. */
  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) {
      // Join just the chunks the n bytes span (a header cut by a read boundary).
      let k = 0;
      for (let len = 0; len < n; k++) len += this.chunks[k]!.length;
      this.chunks.splice(0, k, Buffer.concat(this.chunks.slice(0, k)));
    }
    return this.chunks[0]!.subarray(0, n);
  }

  /** Consume the first n buffered bytes (n ≤ have). */
  private take(n: number): Buffer {
    const out = this.peek(n);
    const first = this.chunks[0]!;
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.have -= n;
    return out;
  }

  private where(): string {
    return `party ${this.receiver}: frame ${this.frames + 1} from ${this.sender}`;
  }

  private parseHeader(bytes: Buffer): FrameHeader {
    const where = `party ${this.receiver}: frame ${this.frames} from ${this.sender}`;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw faultError(`${where}: header: not JSON (garbage on the connection?)`);
    }
    const { label, round } = (typeof json === 'object' && json !== null ? json : {}) as Record<
      string,
      unknown
    >;
    const named = typeof label === 'string' ? `${where} (label '${label}', round ${String(round)})` : where;
    const header = decodeOrThrow(FrameHeader, json, `${named}: header`, 'fault');
    if (header.type === 'message') {
      if (!header.shape.every((d) => d >= 0))
        throw faultError(
          `${named}: shape [${header.shape.join(', ')}] is not a shape: dimensions are non-negative integers`,
        );
      if (sizeOf(header.shape) > MAX_FRAME_WORDS)
        throw faultError(
          `${named}: shape [${header.shape.join(', ')}] holds ${sizeOf(header.shape)} words, more than a frame carries (2^30)`,
        );
      if (header.width < 1 || header.width > 64)
        throw faultError(`${named}: width ${header.width} is not from 1 to 64`);
      if (header.round < 1)
        throw faultError(`${named}: round ${header.round} is not a round: messages are stamped from round 1`);
    }
    return header;
  }
}
