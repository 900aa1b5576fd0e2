// The deterministic in-memory network (DESIGN.md, Parties): FIFO channels per ordered pair of parties.
// A recv names its sender and label; a label mismatch, a party id out of range, a recv no send can ever
// satisfy (deadlock) or a message nobody received fails fast, naming party, round and label.
import { runtimeError } from '../core/errors.ts';
import { describePayload } from './payload.ts';
import type { Message } from './transcript.ts';

interface Waiter {
  readonly from: number;
  readonly label: string;
  readonly round: number;
  readonly resolve: (m: Message) => void;
  readonly reject: (e: Error) => void;
}

type PartyState = 'running' | 'blocked' | 'done' | 'failed';

export class InMemoryNetwork {
  private readonly queues: Message[][];
  private readonly waiters: (Waiter | undefined)[];
  private readonly states: PartyState[];
  private readonly log: Message[] = [];
  private seq = 0;
  private aborted: Error | undefined;

  /** `record`: keep the transcript (off for long runs that need only outputs and counters). */
  constructor(
    readonly parties: number,
    private readonly record = true,
  ) {
    this.queues = Array.from({ length: parties * parties }, () => []);
    this.waiters = Array.from({ length: parties }, () => undefined);
    this.states = Array.from({ length: parties }, () => 'running');
  }

  get transcript(): readonly Message[] {
    return this.log;
  }

  /** The first failure (a party's error, a label mismatch, a deadlock), which is the one to report. */
  get abortReason(): Error | undefined {
    return this.aborted;
  }

  assertParty(id: number, who: string, round: number, label: string): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.parties) {
      throw runtimeError(
        `${who}, round ${round}, label '${label}': party id ${id} is out of range 0…${this.parties - 1}`,
      );
    }
  }

  send(from: number, to: number, round: number, label: string, payload: Message['payload']): Message {
    this.assertParty(to, `party ${from}`, round, label);
    if (to === from)
      throw runtimeError(`party ${from}, round ${round}, label '${label}': a party cannot send to itself`);
    if (this.states[to] === 'done' || this.states[to] === 'failed') {
      throw runtimeError(
        `party ${from}, round ${round}, label '${label}': party ${to} has already finished and will never receive this`,
      );
    }
    const msg: Message = { seq: this.seq++, from, to, round, label, payload };
    if (this.record) this.log.push(msg);
    const waiter = this.waiters[to];
    if (waiter !== undefined && waiter.from === from) {
      this.waiters[to] = undefined;
      this.states[to] = 'running';
      this.deliver(to, waiter, msg);
    } else {
      this.queues[from * this.parties + to]!.push(msg);
    }
    return msg;
  }

  recv(party: number, from: number, label: string, round: number): Promise<Message> {
    if (this.aborted !== undefined) return Promise.reject(this.aborted);
    this.assertParty(from, `party ${party}`, round, label);
    if (from === party)
      throw runtimeError(
        `party ${party}, round ${round}, label '${label}': a party cannot receive from itself`,
      );
    const queue = this.queues[from * this.parties + party]!;
    const head = queue.shift();
    return new Promise<Message>((resolve, reject) => {
      const waiter: Waiter = { from, label, round, resolve, reject };
      if (head !== undefined) {
        this.deliver(party, waiter, head);
        return;
      }
      this.waiters[party] = waiter;
      this.states[party] = 'blocked';
      this.checkDeadlock();
    });
  }

  private deliver(party: number, waiter: Waiter, msg: Message): void {
    if (msg.label !== waiter.label) {
      const err = runtimeError(
        `party ${party}, round ${waiter.round}: expected '${waiter.label}' from party ${msg.from} but the next message on that channel is '${msg.label}' (${describePayload(msg.payload)}, sent in round ${msg.round})`,
      );
      waiter.reject(err);
      this.abort(err);
      return;
    }
    waiter.resolve(msg);
  }

  finish(party: number): void {
    this.states[party] = 'done';
    this.checkDeadlock();
  }

  fail(party: number, err: Error): void {
    this.states[party] = 'failed';
    this.abort(err);
  }

  /** Messages sent but never received: a protocol bug (a send with no matching recv). */
  undelivered(): Message[] {
    return this.queues.flat();
  }

  private abort(err: Error): void {
    if (this.aborted !== undefined) return;
    this.aborted = err;
    this.waiters.forEach((w, p) => {
      if (w === undefined) return;
      this.waiters[p] = undefined;
      w.reject(
        runtimeError(
          `party ${p} stopped waiting for '${w.label}' from party ${w.from}: another party failed`,
        ),
      );
    });
  }

  private checkDeadlock(): void {
    if (this.states.includes('running')) return;
    const blocked = this.waiters
      .map((w, p) =>
        w === undefined
          ? undefined
          : `party ${p} waits in round ${w.round} for '${w.label}' from party ${w.from} (${this.states[w.from]})`,
      )
      .filter((s): s is string => s !== undefined);
    if (blocked.length === 0) return;
    this.abort(runtimeError(`deadlock: no message can arrive: ${blocked.join('; ')}`));
  }
}
