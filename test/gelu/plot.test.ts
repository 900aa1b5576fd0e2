// `mpcspec plot` with a family or several ids (report/overlay-plot.ts): every GeLU variant against the
// exact GeLU in one SVG; maps that approximate different functions, or --params with several ids, are
// usage errors (exit 2, one line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../registry/index.ts';
import { plotIds } from '../../report/overlay-plot.ts';
import { expectUserError, mpcspec, scratch } from '../cli/helpers.ts';

const { dir } = scratch('plot');

describe('mpcspec plot, several maps in one picture', () => {
  it('several ids: each drawn against the exact GeLU, its largest distance reported', async () => {
    const out = join(dir, 'some.svg');
    const ids = ['gelu_quad', 'gelu_relu', 'gelu_identity'];
    const r = await mpcspec('plot', ...ids, '--points', '41', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    for (const id of ids) {
      expect(svg).toContain(`>${id}</text>`);
      expect(r.stdout).toMatch(new RegExp(`${id} \\d\\.\\d\\de[-+]\\d+`));
    }
    expect(svg).toContain('>exact GeLU</text>');
    expect(r.stdout).toMatch(/gelu_identity 1\.20e\+1/); // the identity is 12 from GeLU at x = −12
  });

  it('a family stands for its elementwise maps: `gelu` is every GeLU variant but the per-token one', () => {
    expect(plotIds(['gelu'])).toEqual(
      REGISTRY.filter((p) => p.family === 'gelu' && p.elementwise).map((p) => p.id),
    );
    expect(plotIds(['gelu'])).toEqual([
      'gelu_tanh',
      'gelu_erf',
      'gelu_quad',
      'gelu_fourier',
      'gelu_puma',
      'gelu_relu',
      'gelu_identity',
    ]);
    expect(plotIds(['exp', 'gelu_quad'])).toEqual(['exp', 'gelu_quad']);
  });

  it.each([
    [['plot', 'gelu_quad', 'exp'], /gelu_quad approximates exact GeLU, exp approximates nothing named/],
    [['plot', 'gelu_quad', 'gelu_puma', '--params', '{"form":"puma"}'], /--params: applies to one id; 2 ids/],
    [['plot', 'attention'], /unknown protocol 'attention'|family 'attention' has no elementwise map/],
  ])('%j: exit 2, one line', async (args, message) => {
    const r = await mpcspec(...args, '--out', join(dir, 'x.svg'));
    expectUserError(r, message);
  });
});
