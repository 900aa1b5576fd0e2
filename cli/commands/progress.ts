// A progress bar on stderr for the long model runs (`mpcspec cost --measure`, `mpcspec infer`): one tick
// per layer; silent when the output is JSON for a program to read.
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

export function progressBar(show: boolean, total: number, what: string): Progress {
  if (!show) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${what} [{bar}] {value}/{total} {note}`,
    stream: process.stderr,
    hideCursor: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0, { note: '' });
  return { update: (done, note = '') => bar.update(done, { note }), stop: () => bar.stop() };
}
