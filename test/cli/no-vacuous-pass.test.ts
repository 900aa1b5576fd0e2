// A run that checked nothing never exits 0 (issue 15 §2): each of these used to print a pass having run
// no case, one run per group, or only inputs that all encode to 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../vectors/paths.ts';
import { expectUserError, mpcspec, scratch } from './helpers.ts';

const { file } = scratch('vacuous');

describe('no vacuous pass', () => {
  const refused: [string, string[], RegExp][] = [
    [
      'conform with an unknown profile',
      ['conform', '--only', 'mul', '--profile', 'bogus'],
      /unknown profile 'bogus'/,
    ],
    ['conform --only with no id', ['conform', '--only', ''], /--only: '' names nothing/],
    ['conform --parties with no count', ['conform', '--parties', ' , '], /--parties: ' , ' names nothing/],
    ['conform --profile with no name', ['conform', '--profile', ','], /--profile: ',' names nothing/],
    [
      'conform where no selected case applies',
      ['conform', '--only', 'eq', '--profile', 'crypten', '--parties', '3', '--no-views'],
      /nothing checked: none of the 1 selected case\(s\) applies \(eq crypten 3p: .*two-party/,
    ],
    [
      'a statistical audit with one run per group',
      ['audit', 'views', 'mul', '--mode', 'statistical', '--samples', '1'],
      /1 runs per group cannot show a leak: .*use --samples \d+ or more/,
    ],
    [
      'mul_const whose constant leaves x only values that encode to 0',
      ['run', 'mul_const', '--params', '{"c":1e30}'],
      /the domain of x, \[-5\.3\d*e-22, 5\.3\d*e-22\], holds one value once encoded .*a run would check nothing/,
    ],
    [
      'add_const whose constant leaves x no room',
      ['run', 'add_const', '--params', '{"c":6e5}'],
      /the domain of x, \[100000, -100000\], is empty/,
    ],
    [
      'mul_int whose factor leaves x only 0',
      ['run', 'mul_int', '--params', '{"k":9007199254740991}'],
      /holds one value once encoded/,
    ],
  ];
  for (const [what, args, message] of refused)
    it(`${what}: exit 2 saying why`, async () => expectUserError(await mpcspec(...args), message));

  it('a vector file without a test case fails verification instead of passing with 0/0', async () => {
    const v = JSON.parse(readFileSync(join(DATA_DIR, 'share.crypten.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const r = await mpcspec(
      'vectors',
      'verify',
      file('empty.json', JSON.stringify({ ...v, testGroups: [], numberOfTests: 0 })),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*empty\.json: \$\.testGroups: no test case: the file checks nothing/);
  });
});
