// The `mpcspec vectors` commands end to end (issue 5 §3–§5): generate writes byte-identical files,
// verify exits 0 on committed files and 1 (naming file, JSON path and reason) on a malformed one,
// split and check round-trip a backend's answers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from './paths.ts';
import type { ExpectedFileJson } from './blind/format.ts';
import { type Ran, run } from '../test/cli/helpers.ts';

const BIN = fileURLToPath(new URL('../bin/mpcspec.mjs', import.meta.url));
const mpcspec = (...args: string[]): Promise<Ran> => run(process.execPath, [BIN, 'vectors', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'mpcspec-cli-'));

describe('mpcspec vectors', () => {
  it('generate --only writes files byte-identical to the committed ones', async () => {
    const r = await mpcspec(
      'generate',
      '--only',
      'share',
      '--out',
      join(dir, 'data'),
      '--schema-out',
      join(dir, 'schema'),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote 3 vector file\(s\)/);
    for (const profile of ['crypten', 'spu', 'default'])
      expect(readFileSync(join(dir, 'data', `share.${profile}.json`), 'utf8')).toBe(
        readFileSync(join(DATA_DIR, `share.${profile}.json`), 'utf8'),
      );
  });

  it('verify passes a committed file and fails a malformed one with file, path and reason', async () => {
    const text = readFileSync(join(DATA_DIR, 'share.default.json'), 'utf8');
    const count = (JSON.parse(text) as { numberOfTests: number }).numberOfTests;
    const ok = await mpcspec('verify', join(DATA_DIR, 'share.default.json'));
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toContain(`share.default.json: ${count}/${count} cases pass`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, text.replace(`"numberOfTests": ${count}`, `"numberOfTests": ${count + 1}`));
    const r = await mpcspec('verify', bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `FAIL ${bad}: $.numberOfTests: says ${count + 1} but the file holds ${count} tests`,
    );
    expect(r.stdout).toMatch(/^0 passed, 1 failed \(1 file\(s\), 1 failing\)$/m);
  });

  it('split then check grades a responses file', async () => {
    const blind = join(dir, 'blind');
    expect((await mpcspec('split', join(DATA_DIR, 'trunc.spu.json'), '--out', blind)).status).toBe(0);
    const expected = JSON.parse(
      readFileSync(join(blind, 'trunc.spu.expected.json'), 'utf8'),
    ) as ExpectedFileJson;
    const responses = expected.testGroups.flatMap((g) =>
      g.tests.map((t) => ({ tcId: t.tcId, outputs: t.expected.reference })),
    );
    const file = join(dir, 'responses.json');
    writeFileSync(
      file,
      JSON.stringify({ promptId: 'trunc.spu', schema: 'mpcspec-responses-v1.schema.json', responses }),
    );
    const r = await mpcspec('check', '--expected', blind, '--responses', file);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^PASS /m);
  });
});
