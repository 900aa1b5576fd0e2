// glibc malloc tuning for the benches (docs/speed.md). Node's crypto hands every ChaCha20 update its own
// freshly zeroed 64 KiB output buffer (CipherBase::Update → NewBackingStore), freed later in bulk by the
// garbage collector. With glibc's default trim threshold (128 KiB) each bulk free returns the heap top to
// the kernel and the next updates page-fault it back in: `perf record -e minor-faults` on an `ltz` run put
// 78 % of all faults there. A 64 MiB trim threshold keeps that memory mapped (faults fell from 6.6 k to
// 1.7 k per 10^5-element `ltz` run, peak RSS unchanged). glibc reads the tunable only at process start, so
// the bench re-launches itself with it set; on other platforms or C libraries it is a no-op.
import { spawnSync } from 'node:child_process';

export const MALLOC_TUNABLE = 'glibc.malloc.trim_threshold=67108864';

/**
 * When this process runs without the tunable on Linux, run the same command again with it and return the
 * child's exit code; otherwise return undefined and let the caller go on.
 */
export function relaunchWithMallocTuning(): number | undefined {
  const current = process.env['GLIBC_TUNABLES'] ?? '';
  if (process.platform !== 'linux' || current.includes('glibc.malloc.trim_threshold')) return undefined;
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: current === '' ? MALLOC_TUNABLE : `${current}:${MALLOC_TUNABLE}` },
  });
  if (child.error !== undefined) {
    process.stderr.write(`bench: could not re-launch with ${MALLOC_TUNABLE}: ${child.error.message}\n`);
    return 2;
  }
  return child.status ?? 1;
}
