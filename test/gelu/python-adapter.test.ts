// The Python adapter re-derives gelu_fourier beyond the committed files' defaults: vector files generated
// here for SecFormer's bounded real mask (period 20√2 in x, a float reduction) and for the released 2π
// reduction — the paths the committed default-parameter cases do not take — replay bit-exactly in
// stdlib Python (adapters/python/mpcspec_vectors/gelu.py), invalid cases rejected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../../registry/index.ts';
import type { RegisteredProtocol } from '../../registry/index.ts';
import { canonicalJson } from '../../vectors/format/canonical.ts';
import { generateFile } from '../../vectors/generate/generate-file.ts';
import { run } from '../cli/helpers.ts';

const ADAPTER = fileURLToPath(new URL('../../adapters/python/check_vectors.py', import.meta.url));

const FORMS: readonly [string, Record<string, unknown>][] = [
  ['secformer', { T: 2.5, beta: 'released', mask: 'secformer', period: 20 }],
  ['mod2pi', { T: 2.5, beta: 'released', mask: 'secformer', period: 20, reduction: '2pi' }],
];

describe('python adapter: gelu_fourier with other parameters', () => {
  it('replays SecFormer’s mask and the 2π reduction bit-exactly', async () => {
    const reg = findProtocol('gelu_fourier');
    const dir = mkdtempSync(join(tmpdir(), 'mpcspec-py-gelu-'));
    let tests = 0;
    for (const [name, params] of FORMS) {
      // the same protocol with these parameters as its defaults: the file's groups all run them
      const wrapped: RegisteredProtocol = {
        ...reg,
        variants: [],
        releasedDefects: [],
        bind: (o = {}) => reg.bind({ ...params, ...o }),
      };
      const g = await generateFile(wrapped, 'default');
      tests += g.file.numberOfTests;
      writeFileSync(join(dir, `gelu_fourier.${name}.default.json`), canonicalJson(g.file));
    }
    const r = await run('python3', [ADAPTER, dir, '--json']);
    const line = r.stdout.split('\n').find((l) => l.startsWith('{')) ?? '{}';
    const summary = JSON.parse(line) as {
      algorithms: Record<string, { checked: number; rejected: number }>;
      failures: unknown[];
    };
    expect(summary.failures, r.stdout + r.stderr).toEqual([]);
    expect(r.status).toBe(0);
    const got = summary.algorithms['gelu_fourier']!;
    expect(got.checked + got.rejected).toBe(tests);
    expect(got.checked).toBeGreaterThan(0);
  });
});
