// Messages a user meets in the first hour (issue 15 §8): each says what is wrong in terms of what the
// user asked for, on one line.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../vectors/paths.ts';
import { BIN, expectUserError, mpcspec, run, scratch } from './helpers.ts';

const { dir, file } = scratch('messages');

describe('clear messages', () => {
  it('audit views --ring 8 audits Z_2^8, also when the exhaustive mode is out of reach', async () => {
    const r = await mpcspec('audit', 'views', 'mul', '--ring', '8', '--samples', '200', '--json');
    expect(r.status, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as {
      verdicts: { modes: { mode: string; status: string; evidence?: { ell: number } }[] }[];
    };
    // every mode that ran audited Z_2^8; the exhaustive one is out of reach for mul at ℓ = 8
    const ran = v.verdicts.flatMap((p) => p.modes.filter((m) => m.evidence !== undefined));
    expect(ran.map((m) => m.mode)).toEqual(['relation', 'statistical', 'relation', 'statistical']);
    expect(ran.map((m) => m.evidence!.ell)).toEqual([8, 8, 8, 8]);
  });

  it('a ring below 4 is not "too large to enumerate"', async () => {
    expectUserError(
      await mpcspec('audit', 'views', 'mul', '--ring', '1'),
      /--ring: '1' is not an integer from 4 to 64/,
    );
    expectUserError(
      await mpcspec('audit', 'views', 'mul', '--ring', '17', '--mode', 'exhaustive'),
      /ℓ = 17 is too large to enumerate/,
    );
  });

  it('run exp --ring 4 says the kernel needs ℓ ≥ 32, not that a seeded input does not fit', async () =>
    expectUserError(
      await mpcspec('run', 'exp', '--ring', '4'),
      /^mpcspec: error: exp: not supported here: numeric kernels need ℓ ≥ 32/,
    ));

  it('vectors verify on a directory without vector files says so; it looks into subdirectories', async () => {
    mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
    const none = await mpcspec('vectors', 'verify', join(dir, 'empty'));
    expect(none.status).toBe(1);
    expect(none.stdout).toMatch(/^FAIL .*empty: \$: no vector file .* in this directory or below it$/m);
    mkdirSync(join(dir, 'tree', 'a', 'b'), { recursive: true });
    copyFileSync(join(DATA_DIR, 'share.crypten.json'), join(dir, 'tree', 'a', 'b', 'share.crypten.json'));
    const nested = await mpcspec('vectors', 'verify', join(dir, 'tree'));
    expect(nested.status, nested.stdout).toBe(0);
    expect(nested.stdout).toMatch(/^PASS .*tree\/a\/b\/share\.crypten\.json: /m);
  });

  it('a keys.root mismatch shows both keys whole, and where they differ', async () => {
    const text = readFileSync(join(DATA_DIR, 'mul.default.json'), 'utf8');
    const root = /"root": "([0-9a-f]{64})"/.exec(text)![1]!;
    const changed = `${root.slice(0, 63)}${root[63] === '0' ? '1' : '0'}`;
    const r = await mpcspec('vectors', 'verify', file('keys.json', text.replace(root, changed)));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `keys.root: file has "${changed}", replay gives "${root}" (first difference at character 63)`,
    );
  });

  it('a constant beyond a double is reported as such, not as null', async () =>
    expectUserError(
      await mpcspec('run', 'mul_const', '--params', '{"c":1e400}'),
      /\$\.c: expected Finite, got Infinity \(a number beyond ±1\.8e308/,
    ));

  it('NaN in a multi-line --inputs file: one line, with why', async () =>
    expectUserError(
      await mpcspec('run', 'mul', '--inputs', file('nan.json', '{"x": [1,\n  NaN],\n "y": [1, 2]}')),
      /is not JSON: .*\(NaN and Infinity are not JSON numbers: every value must be finite\)/,
    ));

  it('--params that is not JSON, typed over two lines: one line', async () =>
    expectUserError(
      await mpcspec('run', 'mul_const', '--params', '{"c":\n1'),
      /--params: '\{"c":\\n1' is not JSON \(/,
    ));

  it('output cut short by a closed pipe ends quietly, with the verdict as exit code', async () => {
    mkdirSync(join(dir, 'three'));
    for (const p of ['crypten', 'spu', 'default'])
      copyFileSync(join(DATA_DIR, `share.${p}.json`), join(dir, 'three', `share.${p}.json`));
    const r = await run('bash', [
      '-c',
      `"${process.execPath}" "${BIN}" vectors verify "${join(dir, 'three')}" | head -1; exit \${PIPESTATUS[0]}`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^PASS /);
    expect(r.status).toBe(0);
  });
});
