// The CLI under an address-space limit (issue 15 §7): with `ulimit -v` below what the TypeScript loader's
// WebAssembly reserved, the CLI could not start at all, so the documented fallback (arrays outside the
// WebAssembly memory when it cannot be reserved) never ran. The compiled CLI starts, runs a comparison
// large enough for the helper thread and the SIMD kernels' memory, runs a TCP case (party processes
// inherit the limit), and sizes its memory budget by the limit.
import { describe, expect, it } from 'vitest';
import { BIN, run } from './helpers.ts';

const LIMIT_KIB = 4 * 2 ** 20; // 4 GiB of address space

const limited = (...args: string[]) =>
  run('bash', ['-c', `ulimit -v ${LIMIT_KIB} && exec "$0" "$@"`, process.execPath, BIN, ...args]);

describe(`under ulimit -v ${LIMIT_KIB} KiB`, () => {
  it('list starts', async () => {
    const r = await limited('list', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a comparison of 2^16 elements runs and passes', async () => {
    const r = await limited('run', 'ltz', '--profile', 'crypten', '--size', '65536', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ protocol: 'ltz', ok: true });
  });

  it('a TCP run with one process per party passes', async () => {
    const r = await limited('run', 'mul', '--transport', 'tcp', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the memory budget is half the limit', async () => {
    const r = await limited('run', 'ltz', '--size', '1000000');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/more than the 2\.0 GiB allowed/);
  });
});
