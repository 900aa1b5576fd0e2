// The cross-language proof (issue 5 §6): the standard-library Python adapter regenerates keys, shares,
// tape draws and dealer material from each case's seed, recomputes share, reconstruct, mul, square,
// matmul, trunc, ltz (both schedules) and the attention normalisers softmax_2quad and softmax_relu from
// the recorded cleartext inputs, and must match every message and output share of
// the committed vectors bit-exactly — and reject every invalid case. It must also fail on a tampered file.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../test/cli/helpers.ts';
import type { VectorFileJson } from './format/vector-file.ts';
import { DATA_DIR } from './paths.ts';

const ADAPTER = fileURLToPath(new URL('../adapters/python/check_vectors.py', import.meta.url));
const PYTHON_PROTOCOLS = [
  'share',
  'reconstruct',
  'mul',
  'square',
  'matmul',
  'trunc',
  'ltz',
  'softmax_2quad',
  'softmax_relu',
];

interface AdapterSummary {
  algorithms: Record<string, { files: number; checked: number; rejected: number }>;
  failures: [string, string][];
}

/** The adapter, run asynchronously (the test worker keeps answering the runner meanwhile). */
async function runAdapter(
  ...args: string[]
): Promise<{ status: number | null; summary: AdapterSummary; stdout: string }> {
  const r = await run('python3', [ADAPTER, ...args, '--json']);
  expect(r.status, `python3 must be on PATH: ${r.stderr}`).not.toBeNull();
  const line = r.stdout.split('\n').find((l) => l.startsWith('{')) ?? '{}';
  return { status: r.status, summary: JSON.parse(line) as AdapterSummary, stdout: `${r.stdout}${r.stderr}` };
}

const committed = (id: string): VectorFileJson[] =>
  readdirSync(DATA_DIR)
    .filter((n) => n.startsWith(`${id}.`))
    .map((n) => JSON.parse(readFileSync(join(DATA_DIR, n), 'utf8')) as VectorFileJson);

describe('python adapter (stdlib only)', () => {
  it('recomputes every committed case of its protocols bit-exactly and rejects every invalid one', async () => {
    const { status, summary, stdout } = await runAdapter(DATA_DIR);
    expect(summary.failures, stdout).toEqual([]);
    expect(status, stdout).toBe(0);
    for (const id of PYTHON_PROTOCOLS) {
      const files = committed(id);
      const tests = files.flatMap((f) => f.testGroups.flatMap((g) => g.tests));
      const got = summary.algorithms[id];
      expect(got, `${id} not checked`).toBeDefined();
      expect(got!.files).toBe(files.length);
      expect(got!.checked).toBe(tests.filter((t) => t.result !== 'invalid').length);
      expect(got!.rejected).toBe(tests.filter((t) => t.result === 'invalid').length);
      expect(got!.checked).toBeGreaterThan(0);
    }
  });

  it('fails on a valid case whose message was altered', async () => {
    const file = committed('mul').find((f) => f.profile === 'crypten')!;
    const test = file.testGroups[0]!.tests[0]!;
    const msg = test.parties[1]!.sent[0]!;
    msg.value = msg.value.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0'));
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-py-'));
    writeFileSync(join(dir, 'mul.crypten.json'), JSON.stringify(file));
    const { status, summary } = await runAdapter(dir);
    expect(status).toBe(1);
    expect(summary.failures[0]?.[1]).toMatch(/tcId 1 .*parties\[1\]\.sent\[0\]/);
  });
});
