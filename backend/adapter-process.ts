// An adapter as a child process (docs/backends.md, "Running an adapter"): started through /bin/sh in a
// process group of its own, so that the adapter and everything it starts (CrypTen's party processes,
// a Python interpreter behind a wrapper script) can be ended together; stdout read line by line, stderr
// kept as a tail for error messages. Every wait has a deadline, and `close` always ends the whole group:
// the runner never hangs on an adapter and never leaves one of its processes behind.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type LineEvent =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'exit'; readonly how: string }
  | { readonly kind: 'timeout' };

const STDERR_TAIL_CHARS = 2000;
const live = new Set<AdapterProcess>();

/** End every adapter this process started (for signal handlers and exit paths). */
export function killAllAdapters(): void {
  for (const a of live) a.kill();
}

export class AdapterProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private readonly waiting: ((e: LineEvent) => void)[] = [];
  private stderr = '';
  private exitHow: string | undefined;
  private readonly exited: Promise<void>;
  /** Lines read so far (for messages: "line 3 of the adapter's output"). */
  linesRead = 0;

  constructor(readonly command: string) {
    this.child = spawn('/bin/sh', ['-c', command], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this);
    const rl = createInterface({ input: this.child.stdout, crlfDelay: Infinity });
    rl.on('line', (line) => {
      if (line.trim() !== '') this.deliver({ kind: 'line', line }); // blank lines carry nothing
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-STDERR_TAIL_CHARS);
    });
    // A write to an adapter that has already exited fails with EPIPE; its exit is reported instead.
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.on('error', (e) => {
        this.exitHow ??= `could not be started: ${e.message}`;
        resolve();
      });
      // 'close' comes after stdout has been read to its end, so no line is lost behind the exit.
      this.child.on('close', (code, signal) => {
        this.exitHow ??= signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
        resolve();
      });
    });
    void this.exited.then(() => {
      live.delete(this);
      for (const w of this.waiting.splice(0)) w({ kind: 'exit', how: this.exitHow! });
    });
  }

  private deliver(e: LineEvent): void {
    const w = this.waiting.shift();
    if (w !== undefined) w(e);
    else if (e.kind === 'line') this.lines.push(e.line);
  }

  /** The last lines the adapter wrote to stderr, on one line, or '' if none. */
  stderrTail(maxChars = 400): string {
    const lines = this.stderr
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '');
    const tail = lines.slice(-4).join(' | ');
    return tail.length > maxChars ? `…${tail.slice(-maxChars)}` : tail;
  }

  /** The process id of `/bin/sh -c <command>` (the adapter itself when the command starts with exec). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** How the process ended, if it has. */
  get exit(): string | undefined {
    return this.exitHow;
  }

  write(message: unknown): void {
    if (this.exitHow !== undefined || this.child.stdin.destroyed) return;
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  /** The next non-empty line, the process's exit, or a timeout after `ms`. */
  next(ms: number): Promise<LineEvent> {
    const ready = this.lines.shift();
    if (ready !== undefined) {
      this.linesRead += 1;
      return Promise.resolve({ kind: 'line', line: ready });
    }
    if (this.exitHow !== undefined) return Promise.resolve({ kind: 'exit', how: this.exitHow });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const k = this.waiting.indexOf(receive);
        if (k >= 0) this.waiting.splice(k, 1);
        resolve({ kind: 'timeout' });
      }, ms);
      const receive = (e: LineEvent): void => {
        clearTimeout(timer);
        if (e.kind === 'line') this.linesRead += 1;
        resolve(e);
      };
      this.waiting.push(receive);
    });
  }

  /** SIGKILL to the whole process group (the adapter and whatever it started). */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is gone already
    }
  }

  /**
   * Say goodbye and let the adapter exit on its own within `graceMs` (stdin closed), then end its
   * group: SIGTERM, and SIGKILL shortly after. Whatever the adapter left running is ended too.
   */
  async close(graceMs = 2000): Promise<void> {
    this.write({ type: 'bye' });
    this.child.stdin.end();
    const wait = (ms: number): Promise<boolean> =>
      Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
      ]);
    if (!(await wait(graceMs))) {
      const pid = this.child.pid;
      try {
        if (pid !== undefined) process.kill(-pid, 'SIGTERM');
      } catch {
        // gone
      }
      await wait(500);
    }
    this.kill();
    await wait(1000);
    live.delete(this);
  }
}
