// Wire format of the TCP transport: a frame is u32le(header length) ‖ header (UTF-8 JSON) ‖ payload,
// the payload being the tensor's words as little-endian u64. Headers are decoded with io-ts, so a
// malformed frame from a peer is an error naming the peer, not a crash.
import { allocWords } from '../../core/word-pool.ts';
import * as t from 'io-ts';
import { bitTensor } from '../../core/bits.ts';
import { runtimeError } from '../../core/errors.ts';
import { ringTensor } from '../../core/ring.ts';
import { sizeOf } from '../../core/shape.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import type { Payload } from '../payload.ts';

export const FrameHeader = t.union([
  t.type({ type: t.literal('hello'), party: t.Int }),
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
  readonly payload?: Payload;
}

/** A header as written (plain numbers; the reader checks they are integers). */
export type OutgoingHeader =
  | { readonly type: 'hello'; readonly party: number }
  | {
      readonly type: 'message';
      readonly round: number;
      readonly label: string;
      readonly kind: 'ring' | 'bits';
      readonly width: number;
      readonly shape: readonly number[];
    };

export function encodeFrame(header: OutgoingHeader, payload?: Payload): Buffer {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const body =
    payload === undefined
      ? Buffer.alloc(0)
      : Buffer.from(payload.data.buffer, payload.data.byteOffset, payload.data.byteLength);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, body]);
}

/** Reassembles frames from a byte stream; `push` returns every frame completed by the chunk. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly peer: string) {}

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      if (this.buffer.length < 4) break;
      const headLen = this.buffer.readUInt32LE(0);
      if (this.buffer.length < 4 + headLen) break;
      const header = this.parseHeader(this.buffer.subarray(4, 4 + headLen));
      const words = header.type === 'message' ? sizeOf(header.shape) : 0;
      const total = 4 + headLen + 8 * words;
      if (this.buffer.length < total) break;
      const data = allocWords(words);
      new Uint8Array(data.buffer).set(this.buffer.subarray(4 + headLen, total));
      this.buffer = this.buffer.subarray(total);
      if (header.type === 'hello') {
        frames.push({ header });
        continue;
      }
      const payload =
        header.kind === 'ring'
          ? ringTensor(header.width, header.shape, data)
          : bitTensor(header.width, header.shape, data);
      frames.push({ header, payload });
    }
    return frames;
  }

  private parseHeader(bytes: Buffer): FrameHeader {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw runtimeError(`${this.peer} sent a frame whose header is not JSON`);
    }
    return decodeOrThrow(FrameHeader, json, `frame header from ${this.peer}`, 'runtime');
  }
}
