// Regenerate the generated sections of docs/models.md (`npm run docs:models`); test/model/docs.test.ts
// fails when the committed page differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fillSections } from '../model/docs-page.ts';

const page = new URL('../docs/models.md', import.meta.url);
writeFileSync(page, fillSections(readFileSync(page, 'utf8')));
console.log('docs/models.md: generated sections written');
