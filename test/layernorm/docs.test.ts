// docs/layernorm.md carries tables computed from the spec (the cost of both schedules over [128, 768],
// and what ε encodes to under each profile); this fails when a copy drifts from its generator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costTableMarkdown } from '../../spec/layernorm/cost-table.ts';
import { epsilonTableMarkdown } from '../../spec/layernorm/epsilon-table.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'layernorm.md'), 'utf8');
const marked = (name: string): string | undefined =>
  new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(doc)?.[1];

describe('docs/layernorm.md', () => {
  it('holds the cost table generated from the spec (spec/layernorm/cost-table.ts)', () => {
    expect(marked('cost-table')).toBe(costTableMarkdown());
  });
  it('holds the ε table generated from the spec (spec/layernorm/epsilon-table.ts)', () => {
    expect(marked('epsilon-table')).toBe(epsilonTableMarkdown());
  });
  it('holds an error table with a row per parameter set, width and profile, every case within bounds', () => {
    const rows = (marked('error-table') ?? '')
      .split('\n')
      .filter((l) => /^\| (goldschmidt|newton|sqrt)/.test(l));
    expect(rows).toHaveLength(5 * 2 * 2);
    for (const r of rows) expect(r.trim().endsWith('| yes |')).toBe(true);
  });
});
