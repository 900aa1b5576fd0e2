// The docs stand on their own (issue 15, "The docs must stand on their own"): README and docs/ point to
// no background file outside the repository and do not speak of how the work was organised; every
// relative link resolves; and every registered protocol's `source` (which vector files and
// `mpcspec list --json` show) names a docs page that describes it by id.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../registry/index.ts';

const root = join(import.meta.dirname, '..', '..');
const pages = [
  'README.md',
  'adapters/python/README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];
const text = (page: string): string => readFileSync(join(root, page), 'utf8');

describe('the docs stand on their own', () => {
  it('point to nothing outside the repository and never speak of sessions', () => {
    for (const page of pages)
      for (const banned of [/ALGORITHMS\.md/, /DESIGN\.md/, /\.\.\/shared/, /\bsessions?\b/i])
        expect(text(page), `${page}: ${banned}`).not.toMatch(banned);
  });

  it('every relative link resolves', () => {
    for (const page of pages)
      // fenced code is not prose: `OPS[op](inputs)` in a code block is a call, not a link
      for (const [, target] of text(page)
        .replace(/^```[^\n]*\n[\s\S]*?^```/gm, '')
        .matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        expect(existsSync(join(root, dirname(page), target!)), `${page} → ${target}`).toBe(true);
      }
  });

  it('every protocol names the docs page that describes it, and that page names its id', () => {
    for (const p of REGISTRY) {
      const page = /\bdocs\/[a-z-]+\.md/.exec(p.source)?.[0];
      expect(page, `${p.id}: source '${p.source}'`).toBeDefined();
      const doc = text(page!);
      expect(doc.includes(`\`${p.id}\``) || doc.includes(`**${p.id}**`), `${page} names ${p.id}`).toBe(true);
    }
  });
});
