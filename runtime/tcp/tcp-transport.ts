// One party's end of the TCP transport (DESIGN.md, "Transports"): a socket to every other party, FIFO
// per sender, the same label checks as the in-memory network. A recv that waits longer than the
// timeout, or whose peer's connection closes, fails naming party, round, label and peer — never a hang.
import type { Socket } from 'node:net';
import { runtimeError } from '../../core/errors.ts';
import { describePayload } from '../payload.ts';
import type { Payload } from '../payload.ts';
import type { Message } from '../transcript.ts';
import type { Transport } from '../transport.ts';
import type { FrameReader } from './frame.ts';
import { type Frame, encodeFrame } from './frame.ts';

interface Waiter {
  readonly from: number;
  readonly label: string;
  readonly round: number;
  readonly resolve: (m: Message) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class TcpTransport implements Transport {
  private readonly sockets = new Map<number, Socket>();
  private readonly queues = new Map<number, Message[]>();
  private readonly closed = new Map<number, string>();
  private readonly sent: Message[] = [];
  private waiter: Waiter | undefined;
  private failure: Error | undefined;
  private seq = 0;

  constructor(
    readonly party: number,
    readonly parties: number,
    private readonly timeoutMs: number,
  ) {}

  /** Messages this party sent, in order (its part of the transcript). */
  get transcript(): readonly Message[] {
    return this.sent;
  }

  /** Take over a connected socket to `peer`; `reader` may already hold bytes that followed the hello. */
  attach(peer: number, socket: Socket, reader: FrameReader, pending: readonly Frame[]): void {
    this.sockets.set(peer, socket);
    this.queues.set(peer, []);
    for (const f of pending) this.onFrame(peer, f);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const f of reader.push(chunk)) this.onFrame(peer, f);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        socket.destroy();
      }
    });
    socket.on('close', () => this.onClose(peer, 'closed'));
    socket.on('error', (e) => this.onClose(peer, `failed (${e.message})`));
  }

  send(from: number, to: number, round: number, label: string, payload: Payload): Message {
    if (!Number.isInteger(to) || to < 0 || to >= this.parties || to === from) {
      throw runtimeError(
        `party ${from}, round ${round}, label '${label}': party id ${to} is out of range 0…${this.parties - 1} or is the sender`,
      );
    }
    const socket = this.sockets.get(to);
    const gone = this.closed.get(to);
    if (socket === undefined || gone !== undefined)
      throw runtimeError(
        `party ${from}, round ${round}, label '${label}': cannot send to party ${to}: ${gone === undefined ? 'not connected' : `the connection ${gone}`}`,
      );
    const width = payload.kind === 'ring' ? payload.ell : payload.width;
    socket.write(
      encodeFrame(
        { type: 'message', round, label, kind: payload.kind, width, shape: [...payload.shape] },
        payload,
      ),
    );
    const msg: Message = { seq: this.seq++, from, to, round, label, payload };
    this.sent.push(msg);
    return msg;
  }

  recv(party: number, from: number, label: string, round: number): Promise<Message> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (!Number.isInteger(from) || from < 0 || from >= this.parties || from === party) {
      return Promise.reject(
        runtimeError(
          `party ${party}, round ${round}, label '${label}': party id ${from} is out of range or is this party`,
        ),
      );
    }
    const head = this.queues.get(from)?.shift();
    if (head !== undefined) return this.check(party, label, round, head);
    const gone = this.closed.get(from);
    if (gone !== undefined) return Promise.reject(this.dropped(party, from, label, round, gone));
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(
          runtimeError(
            `party ${party}, round ${round}: waited ${this.timeoutMs} ms for '${label}' from party ${from}; nothing arrived`,
          ),
        );
      }, this.timeoutMs);
      this.waiter = { from, label, round, resolve, reject, timer };
    });
  }

  close(): void {
    for (const s of this.sockets.values()) s.end();
  }

  private check(party: number, label: string, round: number, msg: Message): Promise<Message> {
    if (msg.label === label) return Promise.resolve(msg);
    return Promise.reject(
      runtimeError(
        `party ${party}, round ${round}: expected '${label}' from party ${msg.from} but the next message on that channel is '${msg.label}' (${describePayload(msg.payload)}, sent in round ${msg.round})`,
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
    const msg: Message = {
      seq: -1,
      from: peer,
      to: this.party,
      round: frame.header.round,
      label: frame.header.label,
      payload: frame.payload,
    };
    const w = this.waiter;
    if (w !== undefined && w.from === peer) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      this.check(this.party, w.label, w.round, msg).then(w.resolve, w.reject);
      return;
    }
    this.queues.get(peer)!.push(msg);
  }

  private onClose(peer: number, reason: string): void {
    if (this.closed.has(peer)) return;
    this.closed.set(peer, reason);
    const w = this.waiter;
    if (w !== undefined && w.from === peer) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(this.dropped(this.party, peer, w.label, w.round, reason));
    }
  }

  private dropped(party: number, from: number, label: string, round: number, reason: string): Error {
    return runtimeError(
      `party ${party}, round ${round}: the connection to party ${from} ${reason} while waiting for '${label}'`,
    );
  }

  private fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiter;
    if (w !== undefined) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(e);
    }
  }
}
