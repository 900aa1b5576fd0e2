// Wire format of the TCP transport: a frame is u32le(header length) ‖ header (UTF-8 JSON) ‖ payload,
// the payload being the tensor's words as little-endian u64. Headers are decoded with io-ts and their
// numbers checked (a shape of non-negative dimensions, at most MAX_FRAME_WORDS words; a width from 1 to
// 64), so a malformed frame from a peer is an error naming the receiving party, the frame's number and
// sender, and its label and round — not a crash inside a typed-array constructor.
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

/** The most words one frame may carry (8 GiB): a header claiming more is malformed, not a huge message. */
export const MAX_FRAME_WORDS = 2 ** 30;

/** Reassembles frames from a byte stream; `push` returns every frame completed by the chunk. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private frames = 0;

  /** `receiver` reads what `sender` (e.g. "party 2", or "a connecting party" before its hello) sends. */
  constructor(
    private readonly receiver: number,
    private sender: string,
  ) {}

  /** Name the sender once it has introduced itself. */
  identify(sender: string): void {
    this.sender = sender;
  }

  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      if (this.buffer.length < 4) break;
      const headLen = this.buffer.readUInt32LE(0);
      if (this.buffer.length < 4 + headLen) break;
      this.frames++;
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
    const where = `party ${this.receiver}: frame ${this.frames} from ${this.sender}`;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw runtimeError(`${where}: the header is not JSON`);
    }
    const { label, round } = (typeof json === 'object' && json !== null ? json : {}) as Record<
      string,
      unknown
    >;
    const named = typeof label === 'string' ? `${where} (label '${label}', round ${String(round)})` : where;
    const header = decodeOrThrow(FrameHeader, json, `${named}: header`, 'runtime');
    if (header.type === 'message') {
      if (!header.shape.every((d) => d >= 0))
        throw runtimeError(
          `${named}: shape [${header.shape.join(', ')}] is not a shape: dimensions are non-negative integers`,
        );
      if (sizeOf(header.shape) > MAX_FRAME_WORDS)
        throw runtimeError(
          `${named}: shape [${header.shape.join(', ')}] holds ${sizeOf(header.shape)} words, more than a frame carries (2^30)`,
        );
      if (header.width < 1 || header.width > 64)
        throw runtimeError(`${named}: width ${header.width} is not from 1 to 64`);
    }
    return header;
  }
}
