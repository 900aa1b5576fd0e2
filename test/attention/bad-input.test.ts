// Bad input to the attention normalisers (issue 12, "Bad input"): each is a one-line error naming the
// parameter or the operand and what is allowed, with exit code 2 — a row of length 0, a shape whose last
// axis disagrees with N or whose heads or rows disagree with the mask, μ or a budget outside its range, a
// mask of the wrong length, η ≤ 0, t < 1, an unknown variant — and a row whose sum lies outside the
// reciprocal's range is the spec's out-of-domain error (exit 2), or with --allow-out-of-domain a run
// whose verdict says the bounds do not apply (exit 1), never a pass.
import { describe, expect, it } from 'vitest';
import { expectUserError, mpcspec, scratch } from '../cli/helpers.ts';

const { file: write } = scratch('attention');
const file = (name: string, body: unknown): string => write(name, JSON.stringify(body));
const gs = (t: number, eta: number | string) =>
  JSON.stringify({ c: 5, denominator: { method: 'goldschmidt', t, eta } });

describe('attention normalisers: bad input', () => {
  it.each([
    [
      ['run', 'softmax', '--inputs', file('empty.json', { x: [[], []] })],
      /softmax: input 'x' is empty \(shape \[2, 0\]\)/,
    ],
    [
      ['run', 'softmax_scale', '--params', '{"n":65}', '--shape', '2x128'],
      /softmax_scale: x of shape \[2, 128\] has rows of 128, but the parameters fix the row length at 65/,
    ],
    [
      ['run', 'attention_heads', '--shape', '3x2x8'],
      /attention_heads: x of shape \[3, 2, 8\] has 3 head\(s\) .* but the head mask has 2 entries/,
    ],
    [
      ['run', 'attention_heads', '--params', '{"heads":{"alphas":[1,2],"mu":1.5}}'],
      /attention_heads params: \$\.heads\.mu: expected number in \[0, 1\], got 1\.5/,
    ],
    [
      ['run', 'attention_heads', '--params', '{"heads":{"mask":[1,2]}}'],
      /attention_heads params: \$\.heads\.mask: expected 0 or 1, got 2/,
    ],
    [
      ['run', 'attention_rows', '--params', '{"rows":{"budget":5}}', '--shape', '2x8'],
      /attention_rows: budget 5 is outside 0…2, the rows of x of shape \[2, 8\]/,
    ],
    [
      ['run', 'attention_rows', '--params', '{"rows":{"budget":-1}}'],
      /attention_rows params: \$\.rows\.budget: expected integer ≥ 0, got -1/,
    ],
    [
      ['run', 'attention_rows', '--params', '{"rows":{"mask":[1,0,1]}}', '--shape', '2x8'],
      /attention_rows: the row mask has 3 entries but x of shape \[2, 8\] has 2 rows/,
    ],
    [
      ['run', 'softmax_2quad', '--params', gs(7, 0)],
      /\$\.denominator\.eta: expected "none" or number > 0, got 0/,
    ],
    [
      ['run', 'softmax_2quad', '--params', gs(0, 100)],
      /\$\.denominator\.t: expected integer from 1 to 64, got 0/,
    ],
    [
      ['run', 'softmax_2quad', '--params', '{"denominator":{"method":"halley"}}'],
      /\$\.denominator\.method: expected "newton" \| "goldschmidt", got "halley"/,
    ],
    [
      ['run', 'softmax_relu', '--params', '{"epsilon":-1}'],
      /softmax_relu params: \$\.epsilon: expected number ≥ 0, got -1/,
    ],
    [
      [
        'run',
        'softmax_2quad',
        '--inputs',
        file('outside.json', {
          x: [
            [-5, -5, -5, -5],
            [1, 2, 3, 4],
          ],
        }),
      ],
      /softmax_2quad: row 0 of input x \(shape \[2, 4\]\) is outside the domain: its row sum 0\.000 deflated by 400 .* lies outside the goldschmidt reciprocal's range/,
    ],
  ])('%j: one line, exit 2', async (args, message) => {
    expectUserError(await mpcspec(...args), message);
  });

  it('a row outside the reciprocal’s range run anyway fails, saying the bounds do not apply', async () => {
    const r = await mpcspec(
      'run',
      'softmax_2quad',
      '--inputs',
      file('outside2.json', {
        x: [
          [-5, -5, -5, -5],
          [1, 2, 3, 4],
        ],
      }),
      '--allow-out-of-domain',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/row 0 of input x .* outside the domain: .*; bounds do not apply/);
  });
});
