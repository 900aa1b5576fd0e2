// vitest global setup: build dist/ before any test runs, so the tests that start the CLI (bin/mpcspec.mjs
// runs the compiled code) and the package test see the sources as they are now, never a stale build.
// The build is incremental: about 2 s when nothing changed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed before the tests:\n${r.stdout}${r.stderr}`);
}
