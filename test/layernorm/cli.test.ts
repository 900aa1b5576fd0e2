// LayerNorm's bad input as a user meets it (issue 13, "Bad input"): real processes, one line on stderr
// naming the parameter or operand and what is allowed, exit code 2, no stack trace — and inputs outside
// the domain (a constant row) refused with the row named, or run with --allow-out-of-domain and reported
// as outside the domain, never as a pass.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpcspec } from '../cli/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mpcspec-layernorm-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const params = (p: unknown): string[] => ['--params', JSON.stringify(p)];

describe('mpcspec run layernorm: bad input', () => {
  const bad: [string, string[], RegExp][] = [
    [
      'η ≤ 0',
      params({ invSqrt: { method: 'goldschmidt', t: 7, eta: -1 } }),
      /layernorm params: \$\.invSqrt\.eta: expected number > 0, got -1$/,
    ],
    [
      'η = 0',
      params({ invSqrt: { method: 'goldschmidt', t: 7, eta: 0 } }),
      /\$\.invSqrt\.eta: expected number > 0, got 0$/,
    ],
    [
      't < 1',
      params({ invSqrt: { method: 'goldschmidt', t: 0, eta: 16 } }),
      /\$\.invSqrt\.t: expected integer from 1 to 64, got 0$/,
    ],
    [
      'an unknown method',
      params({ invSqrt: { method: 'halley' } }),
      /\$\.invSqrt\.method: expected "goldschmidt" \| "newton" \| "sqrt-reciprocal", got "halley"$/,
    ],
    [
      'a method without its parameters',
      params({ invSqrt: { method: 'newton' } }),
      /\$\.invSqrt\.iterations: expected integer from 1 to 64, got nothing$/,
    ],
    ['ε < 0', params({ epsilon: -1e-5 }), /\$\.epsilon: expected number ≥ 0, got -0\.00001$/],
    [
      'an unknown ε encoding',
      params({ epsilonEncoding: 'round' }),
      /\$\.epsilonEncoding: expected "as-profile" \| "at-least-one-ulp", got "round"$/,
    ],
    [
      'an unknown γ holder',
      params({ affine: 'private' }),
      /\$\.affine: expected "shared" \| "public" \| "none"/,
    ],
    [
      'γ narrower than the row',
      ['--shape', 'x=2x768,gamma=767,beta=768'],
      /layernorm: shape mismatch: gamma is \[767\] but x is \[2, 768\]; gamma must be \[768\] \(one value per feature\)$/,
    ],
    [
      'β wider than the row',
      ['--shape', 'x=2x192,gamma=192,beta=768'],
      /shape mismatch: beta is \[768\] but x is \[2, 192\]; beta must be \[192\]/,
    ],
    [
      'rows of one feature',
      ['--shape', '4x1'],
      /layernorm: x of shape \[4, 1\] has rows of 1 value; layernorm needs rows of at least 2/,
    ],
  ];
  for (const [what, args, message] of bad)
    it(`${what}: one line, exit 2`, async () => {
      const r = await mpcspec('run', 'layernorm', ...args);
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
});

describe('mpcspec run layernorm: inputs outside the domain', () => {
  const constantRow = file(
    'constant.json',
    JSON.stringify({
      x: [
        [1, 1, 1, 1],
        [1, 2, 3, 4],
      ],
      gamma: [1, 1, 1, 1],
      beta: [0, 0, 0, 0],
    }),
  );
  it('a constant row is refused, naming the row and its σ² + ε (exit 2)', async () => {
    const r = await mpcspec('run', 'layernorm', '--inputs', constantRow);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /layernorm: row 0 of input x \(shape \[2, 4\]\) is outside the domain: its σ² \+ ε = .* is below \[1, 32\]/,
    );
  });
  it('with --allow-out-of-domain it runs and is reported as outside the domain, not as a pass (exit 1)', async () => {
    const r = await mpcspec('run', 'layernorm', '--inputs', constantRow, '--allow-out-of-domain', '--json');
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout) as { ok: boolean; failures: string[] };
    expect(s.ok).toBe(false);
    expect(s.failures.join('\n')).toMatch(/row 0 of input x .* outside the domain.*bounds do not apply/);
  });
  it('a row whose variance is above the undeflated range is refused under the released parameters too', async () => {
    const wide = file('wide.json', JSON.stringify({ x: [[-3, 3, -3, 3]] }));
    const r = await mpcspec(
      'run',
      'layernorm',
      '--inputs',
      wide,
      ...params({ invSqrt: { method: 'goldschmidt', t: 7, eta: 1 }, affine: 'none' }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/σ² \+ ε = 9\.000 .* is above \[0\.0625, 2\]/);
  });
});
