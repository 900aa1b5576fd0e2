// The part of a transport that does not care what carries the bytes (DESIGN.md, "Transports"): one
// party's FIFO queue per sender, the same label checks as the in-memory network, a deadline on every
// recv, and a clear error when a peer's link drops — never a hang. Subclasses move the messages: TCP
// sockets (runtime/tcp/tcp-transport.ts) or worker-thread ports (runtime/threads/port-transport.ts).
import { runtimeError } from '../core/errors.ts';
import { describePayload } from './payload.ts';
import type { Payload } from './payload.ts';
import type { Message } from './transcript.ts';
import type { Transport } from './transport.ts';

interface Waiter {
  readonly from: number;
  readonly label: string;
  readonly round: number;
  readonly resolve: (m: Message) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export abstract class ChannelTransport implements Transport {
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

  /** Put a message on the link to `to` (the link exists: `linked(to)` said so). */
  protected abstract transmit(to: number, round: number, label: string, payload: Payload): void;
  protected abstract linked(to: number): boolean;

  /** Messages this party sent, in order (its part of the transcript). */
  get transcript(): readonly Message[] {
    return this.sent;
  }

  send(from: number, to: number, round: number, label: string, payload: Payload): Message {
    if (!Number.isInteger(to) || to < 0 || to >= this.parties || to === from) {
      throw runtimeError(
        `party ${from}, round ${round}, label '${label}': party id ${to} is out of range 0…${this.parties - 1} or is the sender`,
      );
    }
    const gone = this.closed.get(to);
    if (!this.linked(to) || gone !== undefined) {
      throw runtimeError(
        `party ${from}, round ${round}, label '${label}': cannot send to party ${to}: ${gone === undefined ? 'not connected' : `the connection ${gone}`}`,
      );
    }
    this.transmit(to, round, label, payload);
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

  /** A message arrived from `peer`. */
  protected incoming(peer: number, round: number, label: string, payload: Payload): void {
    const msg: Message = { seq: -1, from: peer, to: this.party, round, label, payload };
    const w = this.waiter;
    if (w !== undefined && w.from === peer) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      this.check(this.party, w.label, w.round, msg).then(w.resolve, w.reject);
      return;
    }
    const q = this.queues.get(peer);
    if (q === undefined) this.queues.set(peer, [msg]);
    else q.push(msg);
  }

  /** The link to `peer` is gone, for `reason` ("closed", "failed (…)"). */
  protected peerClosed(peer: number, reason: string): void {
    if (this.closed.has(peer)) return;
    this.closed.set(peer, reason);
    const w = this.waiter;
    if (w !== undefined && w.from === peer) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(this.dropped(this.party, peer, w.label, w.round, reason));
    }
  }

  /** A link delivered something unreadable: every later recv fails with this. */
  protected fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiter;
    if (w !== undefined) {
      this.waiter = undefined;
      clearTimeout(w.timer);
      w.reject(e);
    }
  }

  private check(party: number, label: string, round: number, msg: Message): Promise<Message> {
    if (msg.label === label) return Promise.resolve(msg);
    return Promise.reject(
      runtimeError(
        `party ${party}, round ${round}: expected '${label}' from party ${msg.from} but the next message on that channel is '${msg.label}' (${describePayload(msg.payload)}, sent in round ${msg.round})`,
      ),
    );
  }

  private dropped(party: number, from: number, label: string, round: number, reason: string): Error {
    return runtimeError(
      `party ${party}, round ${round}: the connection to party ${from} ${reason} while waiting for '${label}'`,
    );
  }
}
