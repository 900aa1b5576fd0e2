// The package as a consumer gets it (issue 15, "A real package"): `npm pack` the built package, install
// the tarball into a fresh project outside this repository, and use the API and the CLI from there.
// The install is offline: the project's lockfile is this repository's, cut down to the production
// dependencies, so `npm ci --offline` takes every tarball from the npm cache `npm ci` filled here. The
// consumer has no tsx and no TypeScript sources, so everything below runs on the compiled code, the TCP
// run's party processes and the helper thread included.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ran, run as runIn } from '../cli/helpers.ts';

const repo = join(import.meta.dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'mpcspec-consumer-'));
const installed = join(project, 'node_modules', 'mpcspec');

const run = (cmd: string, args: readonly string[], cwd = project): Promise<Ran> => runIn(cmd, args, cwd);
const npm = (...args: string[]): Promise<Ran> => run('npm', args);
const mpcspec = (...args: string[]): Promise<Ran> =>
  run(process.execPath, [join(project, 'node_modules', '.bin', 'mpcspec'), ...args]);

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
}

/** This repository's lockfile with only what the package needs at run time, plus the tarball itself. */
function consumerLockfile(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const runtime = Object.entries(lock.packages).filter(
    ([path, e]) => path !== '' && e.dev !== true && e.devOptional !== true,
  );
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { mpcspec: `file:${tarball}` } },
      'node_modules/mpcspec': {
        version: pkg['version'],
        resolved: `file:${tarball}`,
        license: pkg['license'],
        dependencies: pkg['dependencies'],
        bin: pkg['bin'],
        engines: pkg['engines'],
      },
      ...Object.fromEntries(runtime),
    },
  };
}

beforeAll(async () => {
  // dist/ is fresh: test/build-once.ts built it before the tests.
  const packed = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', project],
    repo,
  );
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { mpcspec: `file:${tarball}` },
    }),
  );
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLockfile(tarball)));
  const ci = await npm('ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund');
  expect(ci.status, ci.stderr).toBe(0);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships compiled ESM with declarations and its run-time files, not the sources', async () => {
    for (const f of [
      'dist/api/index.js',
      'dist/api/index.d.ts',
      'dist/cli/main.js',
      'dist/core/parallel/helper-thread.js',
      'dist/core/wasm/kernels.wasm',
      'vectors/data/mul.default.json',
      'vectors/schema/mpcspec-vectors-v1.schema.json',
      'bin/mpcspec.mjs',
    ])
      expect(existsSync(join(installed, f)), f).toBe(true);
    for (const f of ['cli/main.ts', 'dist/api/index.ts', 'test', 'dist/.tsbuildinfo', 'node_modules'])
      expect(existsSync(join(installed, f)), f).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tsx')), 'tsx is a development dependency').toBe(false);
  });

  it('imports from its exports: registry, a run on the helper thread, vector codec and verifier, audit', async () => {
    const script = `
      import { REGISTRY, runCase, tensorFromJson, tensorToJson, verifyVectorFile, auditViews, findProtocol, resolveConfig } from 'mpcspec';
      const summary = await runCase({ id: 'ltz', profile: 'crypten', size: 1 << 16, seed: 7n });
      const tensor = tensorFromJson('r8[2]:ff,01', '$');
      const report = await verifyVectorFile(${JSON.stringify(join(installed, 'vectors', 'data', 'mul.default.json'))});
      const verdict = await auditViews(findProtocol('share').bind(), resolveConfig('default', { parties: 2 }));
      console.log(JSON.stringify({
        ids: REGISTRY.map((p) => p.id), ok: summary.ok, rounds: summary.rounds,
        tensor: tensorToJson(tensor), verified: report.ok && report.cases.length > 0, private: verdict.ok,
      }));`;
    writeFileSync(join(project, 'use.mjs'), script);
    const r = await run(process.execPath, ['use.mjs']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ ok: true, rounds: 8, tensor: 'r8[2]:ff,01', verified: true, private: true });
    expect(out['ids']).toContain('mul');
  });

  it('type-checks a consumer written in TypeScript against its declarations', async () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { type CaseSummary, type FileReport, runCase, verifyPath } from 'mpcspec';
       export const summary: CaseSummary = await runCase({ id: 'mul', profile: 'default', size: 4, seed: 1n });
       export const reports: FileReport[] = await verifyPath('x');
       // @ts-expect-error the size is a number
       await runCase({ id: 'mul', profile: 'default', size: 'four', seed: 1n });\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          lib: ['ES2022'],
        },
        files: ['use.ts'],
      }),
    );
    const r = await run(process.execPath, [
      join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      '.',
    ]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs its CLI: list, a TCP run with one process per party, vectors verify', async () => {
    const list = await mpcspec('list', '--json');
    expect(list.status, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((p) => p.id)).toContain('ltz');
    const tcp = await mpcspec('run', 'mul', '--transport', 'tcp', '--parties', '3', '--json');
    expect(tcp.status, tcp.stderr).toBe(0);
    expect(JSON.parse(tcp.stdout)).toMatchObject({ protocol: 'mul', ok: true });
    const verify = await mpcspec(
      'vectors',
      'verify',
      join(installed, 'vectors', 'data', 'trunc.crypten.json'),
    );
    expect(verify.status, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/ 0 failed/);
  });
});
