// Starting a module of this build in another process or thread: the TCP transport's party processes
// and the helper thread. The package ships compiled JavaScript (dist/), which starts as it is, with no
// TypeScript loader; the TypeScript sources that tests and benches run start through tsx, registered by
// core/source-register.mjs, which only a development install has. Each build starts its own modules, so
// a test of the sources never runs a stale compiled copy and the CLI never transpiles.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module at `path` (relative to `from`, without extension) in the build `from` belongs to. */
export function ownModule(from: string, path: string): URL {
  return new URL(`${path}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

/** Node's arguments to run `module` as a program: compiled JavaScript directly, a TypeScript source through tsx. */
export function nodeArgsFor(module: URL): string[] {
  const file = fileURLToPath(module);
  if (!file.endsWith('.ts')) return [file];
  return ['--import', new URL('./source-register.mjs', import.meta.url).href, file];
}

/** The package's root directory (where package.json is), from the sources and from dist/ alike. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('mpcspec: no package.json above core/own-modules');
    dir = up;
  }
  return dir;
}
