// `npm run bench [-- name…]`: runs every bench/*.bench.ts suite (or those named) and prints one table
// of elements per second, ratio to cleartext, and the targets. Also writes reports/bench.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Table from 'cli-table3';
import type { BenchRow, BenchSuite } from './suite.ts';
import { MALLOC_TUNABLE, relaunchWithMallocTuning } from './malloc-tuning.ts';

const relaunched = relaunchWithMallocTuning();
if (relaunched !== undefined) process.exit(relaunched);
process.stderr.write(
  `bench: GLIBC_TUNABLES=${process.env['GLIBC_TUNABLES'] ?? ''} (wanted: ${MALLOC_TUNABLE})\n`,
);

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
// The issue suites first, so their peak-RSS readings are not inflated by the ablation suite's memory.
const LAST = ['ablation.bench.ts'];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)) || a.localeCompare(b));
const results: { suite: string; rows: BenchRow[] }[] = [];
for (const f of files) {
  const suite = ((await import(pathToFileURL(join(here, f)).href)) as { default: BenchSuite }).default;
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}…\n`);
  results.push({ suite: suite.name, rows: await suite.run() });
}
const fmt = (v: number): string => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(1)} k/s`);
const t = new Table({
  head: ['suite', 'case', 'elements', 'ms', 'elements/s', '× cleartext', 'target', 'met', 'peak RSS'],
  style: { head: [], border: [] },
});
for (const { suite, rows } of results) {
  for (const r of rows) {
    t.push([
      suite,
      r.name,
      r.elements.toLocaleString('en'),
      r.ms.toFixed(1),
      fmt(r.elementsPerSecond),
      r.ratioToCleartext === undefined ? '' : `1/${(1 / r.ratioToCleartext).toFixed(1)}`,
      r.target ?? '',
      r.met === undefined ? '' : r.met ? 'yes' : 'NO',
      r.peakRssMiB === undefined ? '' : `${r.peakRssMiB.toFixed(0)} MiB`,
    ]);
  }
}
process.stdout.write(`${t.toString()}\n`);
mkdirSync(join(here, '..', 'reports'), { recursive: true });
writeFileSync(join(here, '..', 'reports', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
