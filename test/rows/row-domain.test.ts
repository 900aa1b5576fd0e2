// Row domains (spec/types.ts RowDomain): a row whose row sum leaves the reciprocal's range is refused
// with the row, the reason and the condition in one line (exit 2), and with --allow-out-of-domain the
// run reports it instead of passing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpcspec } from '../cli/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mpcspec-rows-'));
// Goldschmidt without deflation beyond one per element: a row of 4s has mean numerator 13 > 15/8.
const params = JSON.stringify({ denominator: { method: 'goldschmidt', t: 8, eta: 1 } });
const inputs = join(dir, 'rows.json');
writeFileSync(
  inputs,
  JSON.stringify({
    x: [
      [0, 0.5, -0.5],
      [4, 4, 4],
    ],
  }),
);

describe('row domains', () => {
  it('a row outside the row condition is a one-line domain error naming the row', async () => {
    const r = await mpcspec('run', 'softmax_taylor', '--params', params, '--inputs', inputs);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /row 1 of input x \(shape \[2, 3\]\) is outside the domain: its row sum 39\.00 deflated by 3 .* outside the goldschmidt reciprocal's range \[0\.04332, 1\.875\]/,
    );
  });

  it('--allow-out-of-domain runs it and the verdict says the bounds do not apply', async () => {
    const r = await mpcspec(
      'run',
      'softmax_taylor',
      '--params',
      params,
      '--inputs',
      inputs,
      '--allow-out-of-domain',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/row 1 of input x .* bounds do not apply/);
  });
});
