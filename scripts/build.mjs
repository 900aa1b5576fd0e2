// `npm run build` (run by `prepare`, so `npm install` and `npm ci` build too): compile the library and the
// CLI to dist/ (ESM with type declarations; tsconfig.build.json), copy the files the compiled code loads
// at run time, and drop compiled files whose source is gone, so dist/ mirrors the sources exactly.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
/** Files the compiled code reads beside its modules. */
const ASSETS = ['core/wasm/kernels.wasm'];

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

for (const asset of ASSETS) {
  mkdirSync(dirname(join(dist, asset)), { recursive: true });
  copyFileSync(join(root, asset), join(dist, asset));
}

const sourceOf = (file) => file.replace(/\.d\.ts$/, '.ts').replace(/\.js$/, '.ts');
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(dist, path);
    if (entry.isDirectory()) prune(path);
    else if (/\.(js|d\.ts)$/.test(entry.name) && !existsSync(join(root, sourceOf(rel)))) rmSync(path);
  }
}
prune(dist);
