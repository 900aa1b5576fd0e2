// Faults that used to end in a stack trace (issue 15 §5) end in one line naming the path, the file or
// the party: an output directory that is a file, a vector file with a tensor of millions of elements.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../vectors/paths.ts';
import { expectUserError, mpcspec, scratch } from './helpers.ts';

const { dir, file } = scratch('stack');

describe('no stack trace', () => {
  const existing = file('taken', 'a file where a directory is wanted');

  it('vectors split --out <an existing file>', async () =>
    expectUserError(
      await mpcspec('vectors', 'split', join(DATA_DIR, 'mul.default.json'), '--out', existing),
      /cannot create the output directory '.*taken': a file of that name \(or of a parent\) is in the way/,
    ));

  it('vectors generate --out <an existing file>, before generating anything', async () =>
    expectUserError(
      await mpcspec(
        'vectors',
        'generate',
        '--only',
        'share',
        '--out',
        existing,
        '--schema-out',
        join(dir, 'schema'),
      ),
      /cannot create the output directory '.*taken'/,
    ));

  it('vectors generate --out <a path below a file>', async () =>
    expectUserError(
      await mpcspec('vectors', 'generate', '--only', 'share', '--out', join(existing, 'sub')),
      /cannot create the output directory '.*taken\/sub'/,
    ));

  it('a vector file with a tensor of 3·10⁶ elements is read and judged', async () => {
    const v = JSON.parse(readFileSync(join(DATA_DIR, 'share.default.json'), 'utf8')) as {
      testGroups: { tests: { inputs: Record<string, string> }[] }[];
    };
    const n = 3_000_000;
    v.testGroups[0]!.tests[0]!.inputs['x'] = `r64[${n}]:${Array(n).fill('0000000000000001').join(',')}`;
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(v));
    const r = await mpcspec('vectors', 'verify', big);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL tcId 1 .*replay failed: share: input 'x' has shape \[3000000\], expected \[4\]/,
    );
  });

  it('a tensor whose shape is not a list of dimensions is named with its JSON path', async () => {
    const text = readFileSync(join(DATA_DIR, 'share.default.json'), 'utf8').replace(
      /"x": "r64\[4\]/,
      '"x": "r64[4,,1]',
    );
    const r = await mpcspec('vectors', 'verify', file('shape.json', text));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /\$\.testGroups\[0\]\.tests\[0\]\.inputs\.x: shape \[4,,1\] is not a list of dimensions/,
    );
  });
});
