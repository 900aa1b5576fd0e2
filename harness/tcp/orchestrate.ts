// Running a case with every party in its own OS process, talking TCP on loopback (DESIGN.md,
// "Transports"): spawn n `mpcspec party` processes, collect their ports, send each its job, and gather
// outputs, measured cost and sent messages into the same RunResult the in-memory network produces.
// Views are recorded in-process only, so `views` is empty here. A party that dies is reported with
// its exit code next to the error the surviving parties saw; a silent one hits the deadline.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { runtimeError } from '../../core/errors.ts';
import { nodeArgsFor, ownModule } from '../../core/own-modules.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import type { Payload } from '../../runtime/payload.ts';
import { type RunResult, runKeys } from '../../runtime/run.ts';
import type { Message } from '../../runtime/transcript.ts';
import type { PartyOutputs } from '../../protocols/types.ts';
import type { Config } from '../../spec/config.ts';
import type { Shape } from '../../core/shape.ts';
import { FAULT_EXIT_CODE } from './party-main.ts';
import { type OutgoingPartyJob, PartyResult, fromWire, toWire } from './wire.ts';

export interface TcpOptions {
  readonly host?: string;
  /** How long a party waits for a connection or a message before failing. */
  readonly timeoutMs?: number;
  /** Fault injection: this party exits right before sending a message with this label. */
  readonly exitBeforeLabel?: { readonly party: number; readonly label: string };
}

export interface TcpCase {
  readonly id: string;
  readonly params: unknown;
  readonly config: Config;
  readonly shapes: Readonly<Record<string, Shape>>;
  readonly seed: bigint;
  readonly inputs: readonly Readonly<Record<string, Payload>>[];
}

/** `mpcspec party` from this build: compiled from dist/, through tsx from the sources (own-modules.ts). */
const PARTY_COMMAND = [...nodeArgsFor(ownModule(import.meta.url, '../../cli/main')), 'party'];

class PartyProcess {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;
  readonly exited: Promise<number | null>;

  constructor(
    readonly party: number,
    readonly child: ChildProcessWithoutNullStreams,
  ) {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      const w = this.waiting.shift();
      if (w !== undefined) w(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w(undefined);
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.resume();
  }

  /** The next line the process prints, or undefined if it ends first; fails at the deadline. */
  nextLine(deadlineMs: number, what: string): Promise<string | undefined> {
    const ready = this.lines.shift();
    if (ready !== undefined || this.ended) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(runtimeError(`party ${this.party} did not ${what} within ${deadlineMs} ms`)),
        deadlineMs,
      );
      this.waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }
}

export async function runOverTcp(c: TcpCase, options: TcpOptions = {}): Promise<RunResult<PartyOutputs>> {
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.timeoutMs ?? 20_000;
  const n = c.config.parties;
  const procs = Array.from(
    { length: n },
    (_, i) =>
      new PartyProcess(i, spawn(process.execPath, [...PARTY_COMMAND, '--host', host], { stdio: 'pipe' })),
  );
  try {
    const ports = await Promise.all(
      procs.map(async (p) => {
        const line = await p.nextLine(timeoutMs, 'start listening');
        const port = line === undefined ? undefined : (JSON.parse(line) as { port?: unknown }).port;
        if (typeof port !== 'number')
          throw runtimeError(`party ${p.party} exited (code ${await p.exited}) before listening`);
        return port;
      }),
    );
    procs.forEach((p) => {
      const job: OutgoingPartyJob = {
        party: p.party,
        ports,
        host,
        timeoutMs,
        id: c.id,
        params: c.params as Record<string, unknown>,
        config: c.config,
        shapes: Object.fromEntries(Object.entries(c.shapes).map(([k, s]) => [k, [...s]])),
        seed: c.seed.toString(),
        inputs: Object.fromEntries(Object.entries(c.inputs[p.party] ?? {}).map(([k, v]) => [k, toWire(v)])),
        exitBeforeLabel: options.exitBeforeLabel?.party === p.party ? options.exitBeforeLabel.label : null,
      };
      p.child.stdin.end(`${JSON.stringify(job)}\n`);
    });
    const results = await Promise.all(
      procs.map(async (p) => {
        const line = await p.nextLine(timeoutMs * 2, 'report a result');
        if (line === undefined) {
          const code = await p.exited;
          return {
            party: p.party,
            error: `party ${p.party} exited with code ${code}${code === FAULT_EXIT_CODE ? ' (injected fault)' : ''} without a result`,
          };
        }
        const r = decodeOrThrow(PartyResult, JSON.parse(line), `result of party ${p.party}`, 'runtime');
        return r.ok ? { party: p.party, result: r } : { party: p.party, error: r.message };
      }),
    );
    const errors = results.flatMap((r) => ('error' in r && r.error !== undefined ? [r.error] : []));
    if (errors.length > 0) throw runtimeError(`over TCP: ${errors.join('; ')}`);
    const ok = results.map((r) =>
      'result' in r && r.result !== undefined && r.result.ok ? r.result : undefined,
    );
    const parts = ok.map((r, i) => {
      if (r === undefined) throw runtimeError(`over TCP: party ${i} gave no result`);
      return r;
    });
    const transcript: Message[] = parts
      .flatMap((r) => r.sent.map((m) => ({ ...m, payload: fromWire(m.payload) })))
      .sort((a, b) => a.round - b.round || a.from - b.from || a.seq - b.seq);
    return {
      outputs: parts.map((r) =>
        Object.fromEntries(Object.entries(r.outputs).map(([k, v]) => [k, fromWire(v)])),
      ),
      metrics: {
        rounds: Math.max(...parts.map((r) => r.metrics.rounds)),
        parties: parts.map((r) => r.metrics),
        preprocessing: parts[0]!.preprocessing,
      },
      transcript,
      views: [],
      keys: runKeys(c.seed, n),
    };
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill();
  }
}
