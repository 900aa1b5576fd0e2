// docs/backends.md stays true (issue 17 §6): its complete Python adapter is about 50 lines and passes
// the runner as printed, and its table of the defective backend's switches lists every switch there is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBackendConformance } from '../../backend/runner.ts';
import { run } from '../cli/helpers.ts';

const doc = readFileSync(fileURLToPath(new URL('../../docs/backends.md', import.meta.url)), 'utf8');

describe('docs/backends.md', () => {
  it('its complete adapter (~50 lines of Python) passes', async () => {
    const block =
      /<!-- minimal-adapter:begin -->\n```python\n([\s\S]*?)```\n<!-- minimal-adapter:end -->/.exec(doc);
    expect(block).not.toBeNull();
    const code = block![1]!;
    expect(code.split('\n').length).toBeLessThanOrEqual(55);
    const file = join(mkdtempSync(join(tmpdir(), 'mpcspec-doc-')), 'adapter.py');
    writeFileSync(file, code);
    const report = await runBackendConformance({
      command: `python3 "${file}"`,
      cases: 8,
      size: 8,
      seed: 2n,
      timeoutMs: 30_000,
    });
    expect(report.ops.map((r) => `${r.key} ${r.status}`)).toEqual([
      'add pass',
      'ltz pass',
      'mul pass',
      'square pass',
    ]);
  });

  it('lists every switch of the defective backend', async () => {
    const script = fileURLToPath(new URL('../../adapters/defective/defective_backend.py', import.meta.url));
    const r = await run('python3', [script, '--list']);
    const names = r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(/\s+/)[0]!);
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const n of names) expect(doc, n).toContain(`| \`${n}\` |`);
  });
});
