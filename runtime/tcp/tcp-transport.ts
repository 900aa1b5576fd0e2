// One party's end of the TCP transport (DESIGN.md, "Transports"): a socket to every other party,
// carrying frames (runtime/tcp/frame.ts). Queues, label checks, deadlines and dropped links are the
// shared ChannelTransport's.
import type { Socket } from 'node:net';
import { runtimeError } from '../../core/errors.ts';
import { ChannelTransport } from '../channel-transport.ts';
import type { Payload } from '../payload.ts';
import { type Frame, type FrameReader, encodeFrame } from './frame.ts';

export class TcpTransport extends ChannelTransport {
  private readonly sockets = new Map<number, Socket>();

  /** Take over a connected socket to `peer`; `reader` may already hold bytes that followed the hello. */
  attach(peer: number, socket: Socket, reader: FrameReader, pending: readonly Frame[]): void {
    this.sockets.set(peer, socket);
    for (const f of pending) this.onFrame(peer, f);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const f of reader.push(chunk)) this.onFrame(peer, f);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        socket.destroy();
      }
    });
    socket.on('close', () => this.peerClosed(peer, 'closed'));
    socket.on('error', (e) => this.peerClosed(peer, `failed (${e.message})`));
  }

  close(): void {
    for (const s of this.sockets.values()) s.end();
  }

  protected linked(to: number): boolean {
    return this.sockets.has(to);
  }

  protected transmit(to: number, round: number, label: string, payload: Payload): void {
    const width = payload.kind === 'ring' ? payload.ell : payload.width;
    this.sockets
      .get(to)!
      .write(
        encodeFrame(
          { type: 'message', round, label, kind: payload.kind, width, shape: [...payload.shape] },
          payload,
        ),
      );
  }

  private onFrame(peer: number, frame: Frame): void {
    if (frame.header.type !== 'message' || frame.payload === undefined) {
      this.fail(
        runtimeError(`party ${this.party}: party ${peer} sent an unexpected ${frame.header.type} frame`),
      );
      return;
    }
    this.incoming(peer, frame.header.round, frame.header.label, frame.payload);
  }
}
