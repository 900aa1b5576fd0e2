#!/usr/bin/env node
// Entry point of the `mpcspec` command: the compiled CLI (dist/, built by `npm run build`, which
// `npm install` and `npm ci` run through `prepare`). No TypeScript is transpiled at start.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("mpcspec: error: the CLI is not built (no dist/cli/main.js); run 'npm run build'\n");
  process.exit(2);
}
await import(main.href);
