// Running cases with every party in its own OS process, talking TCP on loopback (docs/parties.md):
// a PartyPool spawns n `mpcspec party` processes (compiled JavaScript from dist/, or the sources through
// tsx in a development checkout), links them into an authenticated mesh under a fresh per-pool secret,
// and then runs case after case on the same warm processes, gathering outputs, measured cost and (when
// asked) the sent messages into the same RunResult the in-memory network produces. Views are recorded
// in-process only, so `views` is empty here.
//
// Liveness: a party prints an `alive` beat while it lives, and the parent waits for a result as long as
// the beats come — a long computation is never cut short — but a party silent for the whole timeout is
// named as silent. On any failure every party still running gets SIGTERM, then SIGKILL after a grace
// period (a SIGSTOPped process only dies of SIGKILL), and is reaped before the error is thrown: no
// process outlives its pool.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { MpcspecError, faultError, runtimeError } from '../../core/errors.ts';
import { nodeArgsFor, ownModule } from '../../core/own-modules.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import type { Payload } from '../../runtime/payload.ts';
import { type RunResult, runKeys } from '../../runtime/run.ts';
import type { Message } from '../../runtime/transcript.ts';
import type { PartyOutputs } from '../../protocols/types.ts';
import type { Config } from '../../spec/config.ts';
import type { Shape } from '../../core/shape.ts';
import { PARTY_EXIT } from './party-main.ts';
import {
  type OutgoingPartyJob,
  type OutgoingPartySetup,
  PartyResult,
  PartyStatus,
  fromWire,
  toWire,
} from './wire.ts';

export interface TcpOptions {
  readonly host?: string;
  /** How long a party may stay silent (no frame, no heartbeat) before it is declared stopped or hung. */
  readonly timeoutMs?: number;
  /**
   * Fault injection for tests: this party exits, or stops itself, right before sending this label, or
   * (delay) waits three timeouts, alive, before receiving it.
   */
  readonly fault?: {
    readonly party: number;
    readonly label: string;
    readonly action: 'exit' | 'stop' | 'delay';
  };
  /** Report the messages each party sent (tests compare transcripts); off by default. */
  readonly transcript?: boolean;
  /** Warm processes to run on (left running afterwards); default: a pool started and closed for this case. */
  readonly pool?: PartyPool;
}

export interface TcpCase {
  readonly id: string;
  readonly params: unknown;
  readonly config: Config;
  readonly shapes: Readonly<Record<string, Shape>>;
  readonly seed: bigint;
  readonly inputs: readonly Readonly<Record<string, Payload>>[];
}

/** The party program of this build: compiled from dist/, through tsx from the sources (own-modules.ts). */
const PARTY_COMMAND = nodeArgsFor(ownModule(import.meta.url, './party-process'));

/**
 * The parties' helper thread (core/parallel/): on when the machine has a core to spare beyond one per
 * party, off otherwise — with as many busy party processes as cores, a helper per party only competes
 * with the other parties' main threads (docs/parties.md, "Speed"). MPCSPEC_THREADS, when set, decides.
 */
const partyEnv = (parties: number): NodeJS.ProcessEnv => ({
  ...process.env,
  MPCSPEC_THREADS: process.env['MPCSPEC_THREADS'] ?? (availableParallelism() > parties ? '1' : '0'),
});

/** How long a process may take to start (load its modules) before it can beat: not a silence. */
const START_TIMEOUT_MS = 60_000;
/** How long a party that should stop gets after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 1000;
/** After a party reports a failure, how long the others get to report theirs (their view of it). */
const REPORT_GRACE_MS = 1000;

/** A line a party printed, parsed once (a result line holds megabytes of base64). */
type Line =
  { readonly kind: 'line'; readonly text: string; readonly json: unknown } | { readonly kind: 'end' };
type Printed = Extract<Line, { kind: 'line' }>;

class PartyProcess {
  private readonly lines: Printed[] = [];
  private waiting: ((line: Line) => void) | undefined;
  private ended = false;
  private lastHeard = performance.now();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly stderr: string[] = [];

  constructor(
    readonly party: number,
    readonly child: ChildProcessWithoutNullStreams,
  ) {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (text) => {
      this.lastHeard = performance.now();
      const json = safeJson(text);
      if (text.length < 64 && PartyStatus.is(json) && json.type === 'alive') return;
      const line: Printed = { kind: 'line', text, json };
      const w = this.waiting;
      this.waiting = undefined;
      if (w !== undefined) w(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      const w = this.waiting;
      this.waiting = undefined;
      w?.({ kind: 'end' });
    });
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => this.stderr.length < 64 && this.stderr.push(s));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last line the process wrote on stderr (an error that never reached stdout). */
  lastError(): string {
    const lines = this.stderr.join('').trim().split('\n');
    return lines[lines.length - 1] ?? '';
  }

  /**
   * The next line the process prints (beats aside), or 'end' when it closes stdout. Waits as long as the
   * party beats; fails once it has been silent for `silenceMs`.
   */
  next(silenceMs: number, what: string): Promise<Line> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.ended) return Promise.resolve({ kind: 'end' });
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const check = (): void => {
        const silent = performance.now() - this.lastHeard;
        if (silent < silenceMs) {
          timer = setTimeout(check, silenceMs - silent + 1);
          return;
        }
        this.waiting = undefined;
        reject(
          faultError(
            `party ${this.party} (pid ${this.child.pid}) has been silent for ${Math.round(silent)} ms (no line, no heartbeat) while the parent waited for it to ${what}: it is stopped or hung`,
          ),
        );
      };
      timer = setTimeout(check, silenceMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }

  /** How the process ended, for an error message. */
  async describeExit(): Promise<string> {
    const { code, signal } = await this.exited;
    if (signal !== null) return `was killed by ${signal}`;
    const note =
      code === PARTY_EXIT.injected
        ? ' (injected fault)'
        : code === PARTY_EXIT.fault
          ? ' (runtime fault)'
          : '';
    const err = this.lastError();
    return `exited with code ${code}${note}${err === '' ? '' : `: ${err}`}`;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const codedMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** n warm party processes linked into one authenticated mesh; runs cases one after another. */
export class PartyPool {
  private broken = false;
  private closed = false;

  /** Wall time from the first spawn to every party reporting its mesh linked, in ms. */
  startMs = 0;

  private constructor(
    private readonly procs: readonly PartyProcess[],
    readonly timeoutMs: number,
  ) {}

  get parties(): number {
    return this.procs.length;
  }

  /** Process ids (for fault-injection tests that check nothing is left behind). */
  get pids(): number[] {
    return this.procs.map((p) => p.child.pid!);
  }

  /** Whether cases can still run here (a failed case leaves the mesh in an unknown state). */
  get usable(): boolean {
    return !this.broken && !this.closed;
  }

  static async start(
    parties: number,
    options: { host?: string; timeoutMs?: number } = {},
  ): Promise<PartyPool> {
    const host = options.host ?? '127.0.0.1';
    const timeoutMs = options.timeoutMs ?? 20_000;
    const t0 = performance.now();
    const procs = Array.from(
      { length: parties },
      (_, i) =>
        new PartyProcess(
          i,
          spawn(process.execPath, [...PARTY_COMMAND, host], { stdio: 'pipe', env: partyEnv(parties) }),
        ),
    );
    const pool = new PartyPool(procs, timeoutMs);
    try {
      const ports = await Promise.all(
        procs.map(async (p) => {
          const line = await p.next(Math.max(timeoutMs, START_TIMEOUT_MS), 'start and print its port');
          const s = line.kind === 'line' ? PartyStatus.decode(line.json) : undefined;
          if (s === undefined || s._tag === 'Left' || s.right.type !== 'port')
            throw runtimeError(`party ${p.party} ${await p.describeExit()} before listening`);
          return s.right.port;
        }),
      );
      const secret = randomBytes(32).toString('hex');
      for (const p of procs) {
        const setup: OutgoingPartySetup = {
          type: 'setup',
          party: p.party,
          peers: ports.map((port) => ({ host, port })),
          secret,
          timeoutMs,
        };
        p.child.stdin.write(`${JSON.stringify(setup)}\n`);
      }
      await pool.gather('link to the other parties', (p, line) => {
        const s = PartyStatus.decode(line.json);
        if (s._tag === 'Right' && s.right.type === 'linked') return undefined;
        return pool.partyFailure(p, line);
      });
    } catch (e) {
      await pool.terminate();
      throw e;
    }
    pool.startMs = performance.now() - t0;
    return pool;
  }

  /** A party's line that is not what was expected: its own error report, or a protocol breach. */
  private partyFailure(p: PartyProcess, line: Printed): string {
    const r = PartyResult.decode(line.json);
    if (r._tag === 'Right' && !r.right.ok) return r.right.message;
    return `party ${p.party} printed an unexpected line: ${line.text.slice(0, 200)}`;
  }

  /**
   * Read one line from every party; `judge` returns undefined when it is fine, else an error message.
   * Once one party fails, the others get REPORT_GRACE_MS to say what they saw; then every party still
   * running is killed and reaped, and one fault naming all of them is thrown.
   */
  private async gather<T>(
    what: string,
    judge: (p: PartyProcess, line: Printed) => string | undefined,
    keep?: (p: PartyProcess, line: Printed) => T,
  ): Promise<T[]> {
    const errors: { party: number; message: string }[] = [];
    const kinds: string[] = [];
    let firstFailure: (() => void) | undefined;
    const failed = new Promise<void>((resolve) => (firstFailure = resolve));
    const results = this.procs.map(async (p) => {
      try {
        const line = await p.next(this.timeoutMs, what);
        if (line.kind === 'end')
          throw faultError(`party ${p.party} ${await p.describeExit()} without a result`);
        const problem = judge(p, line);
        if (problem !== undefined) throw new MpcspecError(problemKind(line.json), problem);
        return keep?.(p, line);
      } catch (e) {
        errors.push({ party: p.party, message: codedMessage(e) });
        kinds.push(e instanceof MpcspecError ? e.kind : 'internal');
        firstFailure!();
        throw e;
      }
    });
    const all = Promise.allSettled(results);
    await Promise.race([all, failed]);
    if (errors.length === 0) {
      const settled = await all;
      if (errors.length === 0) return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
    }
    await Promise.race([all, new Promise((r) => setTimeout(r, REPORT_GRACE_MS))]);
    const killed = await this.terminate();
    this.broken = true;
    const kind = kinds.includes('fault') || killed.length > 0 ? 'fault' : (kinds[0] ?? 'runtime');
    const tail = killed.length > 0 ? `; ${killed.join('; ')}` : '';
    const said = errors.sort((a, b) => a.party - b.party).map((e) => e.message);
    throw new MpcspecError(
      kind === 'internal' ? 'runtime' : (kind as 'fault'),
      `over TCP: ${said.join('; ')}${tail}`,
    );
  }

  /** Run one case on the warm parties. */
  async run(c: TcpCase, options: TcpOptions = {}): Promise<RunResult<PartyOutputs>> {
    if (!this.usable) throw runtimeError('party pool: a previous case failed or the pool is closed');
    if (c.config.parties !== this.parties)
      throw runtimeError(`party pool: a case for ${c.config.parties} parties on a pool of ${this.parties}`);
    for (const p of this.procs) {
      const job: OutgoingPartyJob = {
        type: 'job',
        id: c.id,
        params: c.params as Record<string, unknown>,
        config: c.config,
        shapes: Object.fromEntries(Object.entries(c.shapes).map(([k, s]) => [k, [...s]])),
        seed: c.seed.toString(),
        inputs: Object.fromEntries(Object.entries(c.inputs[p.party] ?? {}).map(([k, v]) => [k, toWire(v)])),
        transcript: options.transcript === true,
        fault:
          options.fault?.party === p.party
            ? { label: options.fault.label, action: options.fault.action }
            : null,
      };
      p.child.stdin.write(`${JSON.stringify(job)}\n`);
    }
    const parts = await this.gather(
      'report a result',
      (p, line) => {
        const r = PartyResult.decode(line.json);
        if (r._tag === 'Left')
          return `party ${p.party} printed an unreadable result: ${line.text.slice(0, 200)}`;
        return r.right.ok ? undefined : r.right.message;
      },
      (p, line) => {
        const r = decodeOrThrow(PartyResult, line.json, `result of party ${p.party}`, 'runtime');
        if (!r.ok) throw runtimeError(r.message);
        return r;
      },
    );
    this.lastElapsedMs = Math.max(...parts.map((r) => r.elapsedMs));
    const transcript: Message[] = parts
      .flatMap((r, i) =>
        r.sent.map((m) => ({ ...m, payload: fromWire(m.payload, `party ${i}: message '${m.label}'`) })),
      )
      .sort((a, b) => a.round - b.round || a.from - b.from || a.seq - b.seq);
    return {
      outputs: parts.map((r, i) =>
        Object.fromEntries(
          Object.entries(r.outputs).map(([k, v]) => [k, fromWire(v, `party ${i}: output '${k}'`)]),
        ),
      ),
      metrics: {
        rounds: Math.max(...parts.map((r) => r.metrics.rounds)),
        parties: parts.map((r) => r.metrics),
        preprocessing: parts[0]!.preprocessing,
      },
      transcript,
      views: [],
      keys: runKeys(c.seed, this.parties),
    };
  }

  /** The slowest party's protocol time of the last case, in ms (what the parties bench reports). */
  lastElapsedMs = 0;

  /** Let the parties finish: close their stdin and wait for them; kill whoever does not exit. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.procs) p.child.stdin.end();
    await Promise.race([
      Promise.all(this.procs.map((p) => p.exited)),
      new Promise((r) => setTimeout(r, KILL_GRACE_MS)),
    ]);
    await this.terminate();
  }

  /**
   * SIGTERM every party still running, SIGKILL whoever is left after the grace period, and wait until
   * every process has exited (reaped). Returns a note per party that had to be killed.
   */
  async terminate(): Promise<string[]> {
    this.closed = true;
    const notes: string[] = [];
    const running = this.procs.filter((p) => p.running);
    for (const p of running) p.child.kill('SIGTERM');
    await Promise.race([
      Promise.all(running.map((p) => p.exited)),
      new Promise((r) => setTimeout(r, KILL_GRACE_MS)),
    ]);
    for (const p of running.filter((q) => q.running)) {
      p.child.kill('SIGKILL');
      notes.push(`party ${p.party} (pid ${p.child.pid}) did not stop on SIGTERM and was killed (SIGKILL)`);
    }
    await Promise.all(this.procs.map((p) => p.exited));
    for (const p of this.procs) p.child.stdin.destroy();
    return notes;
  }
}

/** The error kind a party reported in its failure line (its own kind: fault, usage, domain, …). */
function problemKind(json: unknown): 'fault' | 'runtime' | 'usage' | 'input' | 'domain' {
  const r = PartyResult.decode(json);
  if (r._tag === 'Right' && !r.right.ok) {
    const k = r.right.kind;
    if (k === 'fault' || k === 'usage' || k === 'input' || k === 'domain') return k;
  }
  return 'runtime';
}

/** One case on its own pool: start the parties, run, close (or kill and reap on failure). */
export async function runOverTcp(c: TcpCase, options: TcpOptions = {}): Promise<RunResult<PartyOutputs>> {
  if (options.pool !== undefined) return options.pool.run(c, options);
  const pool = await PartyPool.start(c.config.parties, options);
  try {
    return await pool.run(c, options);
  } finally {
    await pool.close();
  }
}
