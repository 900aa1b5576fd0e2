// Write the backend protocol's JSON Schema documents to backend/schema/ (`npm run backend-schema`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_SCHEMAS } from '../backend/protocol/schema.ts';

const dir = fileURLToPath(new URL('../backend/schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const s of PROTOCOL_SCHEMAS)
  writeFileSync(`${dir}${s.file}`, `${JSON.stringify(s.document, null, 2)}\n`);
process.stdout.write(`wrote ${PROTOCOL_SCHEMAS.length} schema files to backend/schema/\n`);
