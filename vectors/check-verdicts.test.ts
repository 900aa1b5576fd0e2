// `vectors check` gives every tcId a verdict (issue 15 §3): a tcId answered twice fails whatever the
// answers are (grading the last one let "wrong, then right" pass), a missing one fails, an answer to a
// tcId the prompt does not have fails, and a responses file for no known prompt is reported.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Ran, run } from '../test/cli/helpers.ts';
import type { ExpectedFileJson, ResponseJson } from './blind/format.ts';
import { DATA_DIR } from './paths.ts';

const BIN = fileURLToPath(new URL('../bin/mpcspec.mjs', import.meta.url));
const mpcspec = (...args: string[]): Promise<Ran> => run(process.execPath, [BIN, 'vectors', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'mpcspec-check-'));
const blind = join(dir, 'blind');
let right: ResponseJson[] = [];
let written = 0;

beforeAll(async () => {
  expect((await mpcspec('split', join(DATA_DIR, 'trunc.spu.json'), '--out', blind)).status).toBe(0);
  const expected = JSON.parse(
    readFileSync(join(blind, 'trunc.spu.expected.json'), 'utf8'),
  ) as ExpectedFileJson;
  right = expected.testGroups.flatMap((g) =>
    g.tests.map((t) => ({ tcId: t.tcId, outputs: t.expected.reference })),
  );
});

/** Grade these responses to trunc.spu; stdout and exit code. */
async function check(responses: readonly ResponseJson[], promptId = 'trunc.spu'): Promise<Ran> {
  const file = join(dir, `responses-${++written}.json`);
  writeFileSync(file, JSON.stringify({ promptId, schema: 'mpcspec-responses-v1.schema.json', responses }));
  const r = await mpcspec('check', '--expected', blind, '--responses', file);
  expect(r.stderr).toBe('');
  return r;
}

/** tcId 1's output with its first element moved by 2^40 ulps (far outside any bound). */
function wrong(r: ResponseJson): ResponseJson {
  const [name, tensor] = Object.entries(r.outputs)[0]!;
  const [head, values] = tensor.split(':') as [string, string];
  const [first, ...rest] = values.split(',');
  const moved = ((BigInt(`0x${first}`) + (1n << 40n)) % (1n << 64n)).toString(16).padStart(16, '0');
  return { ...r, outputs: { [name]: `${head}:${[moved, ...rest].join(',')}` } };
}

describe('vectors check: a verdict for every tcId', () => {
  it('every case answered once and right passes', async () => {
    const r = await check(right);
    expect(r.status, r.stdout).toBe(0);
  });

  it('a tcId answered twice, wrong then right, fails', async () => {
    const r = await check([wrong(right[0]!), ...right]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL tcId 1 \(.*\): answered 2 times \(\$\.responses\[0\], \$\.responses\[1\]\); each tcId is answered once/,
    );
    expect(r.stdout).toMatch(/^1 failed|, 1 failed/m);
  });

  it('a tcId answered twice, right both times, fails too', async () => {
    const r = await check([right[0]!, ...right]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL tcId 1 .*answered 2 times/);
  });

  it('a missing tcId fails', async () => {
    const r = await check(right.slice(1));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL tcId 1 \(.*\): no response for this tcId/);
  });

  it('an answer to a tcId the prompt does not have fails', async () => {
    const r = await check([...right, { ...right[0]!, tcId: 999 }]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL tcId 999 \(not in the prompt\): \$\.responses\[\d+\]: prompt 'trunc\.spu' has no tcId 999/,
    );
  });

  it('a responses file for a prompt nobody asked is reported', async () => {
    const r = await check(right, 'nope.spu');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL .*responses-.*\.json: \$\.promptId: 'nope\.spu' matches no expected-answers file/,
    );
  });
});
