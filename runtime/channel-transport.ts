// The part of a transport that does not care what carries the bytes (docs/parties.md, "Liveness"): one
// party's FIFO queue per sender, the same label checks as the in-memory network, and a clear error when
// a peer's link drops — never a hang. A recv waits as long as its peer is heard from: the subclass
// reports every byte and heartbeat (`heard`), and a recv fails only after the peer has been silent for
// the whole timeout, so a peer that computes for long is never blamed, and a stopped one is named as
// silent. Silence is judged after this party has read its sockets (setImmediate runs after the poll
// phase), so time this party itself spent computing never reads as the peer's silence. Subclasses move
// the messages (TCP sockets: runtime/tcp/tcp-transport.ts).
import { performance } from 'node:perf_hooks';
import { faultError, runtimeError } from '../core/errors.ts';
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
  /** The pending silence check: a timer, then an immediate (after the poll phase). */
  timer?: NodeJS.Timeout | NodeJS.Immediate;
}

export abstract class ChannelTransport implements Transport {
  private readonly queues = new Map<number, Message[]>();
  private readonly closed = new Map<number, string>();
  private readonly lastHeard = new Map<number, number>();
  /** The frame number each received message came in (for errors that name the frame). */
  private readonly frames = new WeakMap<Message, number>();
  private sent: Message[] = [];
  private waiter: Waiter | undefined;
  private failure: Error | undefined;
  private seq = 0;

  constructor(
    readonly party: number,
    readonly parties: number,
    readonly timeoutMs: number,
  ) {}

  /** Start a new job on the same links: its transcript and message numbers start afresh. */
  protected resetTranscript(): void {
    this.sent = [];
    this.seq = 0;
  }

  /** Something (a frame, a heartbeat, any byte) arrived from `peer`: it is alive. */
  protected heard(peer: number): void {
    this.lastHeard.set(peer, performance.now());
  }

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
      throw faultError(
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
      const waiter: Waiter = { from, label, round, resolve, reject };
      this.waiter = waiter;
      this.watch(waiter, this.timeoutMs);
    });
  }

  /** Check the waiter's peer for silence in `ms`; fail the recv once it has been silent for the timeout. */
  private watch(w: Waiter, ms: number): void {
    w.timer = setTimeout(
      () => {
        // Read whatever has arrived meanwhile (the poll phase runs before immediates) before judging.
        w.timer = setImmediate(() => {
          if (this.waiter !== w) return;
          const heard = this.lastHeard.get(w.from);
          const silent = heard === undefined ? this.timeoutMs : performance.now() - heard;
          if (silent < this.timeoutMs) {
            this.watch(w, this.timeoutMs - silent);
            return;
          }
          this.waiter = undefined;
          w.reject(
            faultError(
              `party ${this.party}, round ${w.round}: party ${w.from} has been silent for ${Math.round(silent)} ms (no frame, no heartbeat) while party ${this.party} waited for '${w.label}': it is stopped, hung or cut off`,
            ),
          );
        });
      },
      Math.max(1, ms),
    );
  }

  private stopWatching(w: Waiter): void {
    clearTimeout(w.timer as NodeJS.Timeout);
    clearImmediate(w.timer as NodeJS.Immediate);
  }

  /** A message arrived from `peer`. */
  protected incoming(peer: number, round: number, label: string, payload: Payload, frame?: number): void {
    const msg: Message = { seq: -1, from: peer, to: this.party, round, label, payload };
    if (frame !== undefined) this.frames.set(msg, frame);
    const w = this.waiter;
    if (w !== undefined && w.from === peer) {
      this.waiter = undefined;
      this.stopWatching(w);
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
      this.stopWatching(w);
      w.reject(this.dropped(this.party, peer, w.label, w.round, reason));
    }
  }

  /** A link delivered something unreadable: every later recv fails with this. */
  protected fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiter;
    if (w !== undefined) {
      this.waiter = undefined;
      this.stopWatching(w);
      w.reject(e);
    }
  }

  private check(party: number, label: string, round: number, msg: Message): Promise<Message> {
    if (msg.label === label) return Promise.resolve(msg);
    const frame = this.frames.get(msg);
    return Promise.reject(
      faultError(
        `party ${party}, round ${round}: ${frame === undefined ? '' : `frame ${frame} from party ${msg.from}: label: `}expected '${label}' from party ${msg.from} but the next message on that channel is '${msg.label}' (${describePayload(msg.payload)}, sent in round ${msg.round})`,
      ),
    );
  }

  private dropped(party: number, from: number, label: string, round: number, reason: string): Error {
    return faultError(
      `party ${party}, round ${round}: the connection to party ${from} ${reason} while waiting for '${label}'`,
    );
  }
}
