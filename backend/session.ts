// A running adapter and the conversation with it (docs/backends.md, "Conversation"): hello and
// handshake, then cases written ahead of their answers (a few in flight, so the runner's checking and
// the backend's computing overlap) and answers read back in order. Whatever goes wrong — no handshake,
// a line that does not decode, an answer to another case, an exit, silence past the deadline — becomes
// one sentence naming the case; after such a fault the session is spent and the runner starts another.
import { MpcspecError, inputError } from '../core/errors.ts';
import type { RegisteredProtocol } from '../registry/index.ts';
import { AdapterProcess } from './adapter-process.ts';
import { type BackendInfo, readHandshake } from './handshake.ts';
import { decodeAdapterLine } from './protocol/decode.ts';
import {
  type CaseMessage,
  type HandshakeMessage,
  PROTOCOL_VERSION,
  type ResultMessage,
} from './protocol/messages.ts';

export const RUNNER_NAME = 'mpcspec 0.1.0';
/** Cases written before the oldest is answered. */
const IN_FLIGHT = 8;

export interface SessionOptions {
  readonly profile?: string;
  readonly timeoutMs: number;
  readonly registry?: readonly RegisteredProtocol[];
}

export type CaseAnswer =
  | { readonly case: string; readonly result: ResultMessage }
  | { readonly case: string; readonly backendError: string };

export interface CasesOutcome {
  readonly answers: readonly CaseAnswer[];
  /** A fault that ends the session, naming the case it happened on. */
  readonly fault?: { readonly case: string; readonly why: string };
}

/** The adapter says its engine is not available here (an `error` with `skip` instead of the handshake). */
export class BackendUnavailable extends MpcspecError {
  constructor(message: string) {
    super('input', message);
  }
}

export class BackendSession {
  private constructor(
    private readonly process: AdapterProcess,
    readonly info: BackendInfo,
    readonly handshake: HandshakeMessage,
    private readonly options: SessionOptions,
  ) {}

  /** Start the adapter and read its handshake; a failure is one input error (the process is ended). */
  static async start(command: string, options: SessionOptions): Promise<BackendSession> {
    const proc = new AdapterProcess(command);
    const fail = async (why: string): Promise<never> => {
      const tail = proc.stderrTail();
      await proc.close(0);
      throw inputError(`backend '${command}': ${why}${tail === '' ? '' : `; its stderr: ${tail}`}`);
    };
    proc.write({ type: 'hello', protocol: PROTOCOL_VERSION, runner: RUNNER_NAME });
    const ev = await proc.next(options.timeoutMs);
    if (ev.kind === 'timeout') return fail(`no handshake within ${options.timeoutMs} ms`);
    if (ev.kind === 'exit') return fail(`the adapter ${ev.how} before its handshake`);
    const d = decodeAdapterLine(ev.line, ['handshake']);
    if (!d.ok) return fail(`the handshake does not decode: ${d.why}`);
    if (d.value.type === 'error' && d.value.skip === true) {
      await proc.close(0);
      throw new BackendUnavailable(`backend '${command}' is not available here: ${d.value.message}`);
    }
    if (d.value.type === 'error')
      return fail(`the adapter reported an error instead of a handshake: ${d.value.message}`);
    try {
      const info = readHandshake(d.value, options);
      return new BackendSession(proc, info, d.value, options);
    } catch (e) {
      await proc.close(0);
      if (e instanceof Error) throw inputError(`backend '${command}': ${e.message}`);
      throw e;
    }
  }

  /**
   * Write `count` requests, each made when it is due (`request(k)`), and read every answer in order,
   * handing each to `onAnswer` as it arrives (the runner checks it while the backend computes the next
   * ones); stops at the first fault.
   */
  async run(
    count: number,
    request: (k: number) => CaseMessage,
    onAnswer?: (a: CaseAnswer, k: number) => void,
  ): Promise<CasesOutcome> {
    const answers: CaseAnswer[] = [];
    const ids: string[] = [];
    const sendUpTo = (n: number): void => {
      while (ids.length < Math.min(n, count)) {
        const m = request(ids.length);
        ids.push(m.case);
        this.process.write(m);
      }
    };
    sendUpTo(IN_FLIGHT);
    while (answers.length < count) {
      const expected = ids[answers.length]!;
      const fault = (why: string): CasesOutcome => {
        const tail = this.process.stderrTail();
        return {
          answers,
          fault: { case: expected, why: `${why}${tail === '' ? '' : `; its stderr: ${tail}`}` },
        };
      };
      const ev = await this.process.next(this.options.timeoutMs);
      if (ev.kind === 'timeout') return fault(`no answer within ${this.options.timeoutMs} ms`);
      if (ev.kind === 'exit') return fault(`the adapter ${ev.how} before answering`);
      const d = decodeAdapterLine(ev.line, ['result']);
      if (!d.ok) return fault(`malformed answer (line ${this.process.linesRead} of its output): ${d.why}`);
      const m = d.value;
      if (m.type === 'error' && m.case === undefined)
        return fault(`the adapter reported an error: ${m.message}`);
      if (m.case !== expected)
        return fault(`an answer for case ${m.case} arrived where case ${expected} was due`);
      const answer: CaseAnswer =
        m.type === 'error' ? { case: expected, backendError: m.message } : { case: expected, result: m };
      answers.push(answer);
      sendUpTo(answers.length + IN_FLIGHT);
      onAnswer?.(answer, answers.length - 1);
    }
    return { answers };
  }

  /** The adapter's process id (for measuring it). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  close(): Promise<void> {
    return this.process.close();
  }

  /** End the adapter now (after a fault: it may be hung). */
  kill(): Promise<void> {
    return this.process.close(0);
  }
}
