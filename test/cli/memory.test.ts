// Runs too large for the machine are refused before they start, with the estimate (issue 15 §6):
// `run ltz --size 10000000` used to pass 16 GiB and be killed; --inputs went around the size cap.
import { describe, expect, it } from 'vitest';
import { WordArena } from '../../core/word-pool.ts';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';
import { estimatePeakBytes } from '../../harness/memory-estimate.ts';
import { expectUserError, mpcspec, scratch } from './helpers.ts';

const { file } = scratch('memory');

describe('memory', () => {
  it('run ltz --size 10000000 is refused with its estimate', async () =>
    expectUserError(
      await mpcspec('run', 'ltz', '--size', '10000000', '--max-memory', '12'),
      /^mpcspec: error: ltz \(default, 2 parties\) on x \[10000000\] needs about (2\d|3\d|4\d)\.\d GiB \(\d+ bytes per input element, measured on small runs\), more than the 12\.0 GiB allowed/,
    ));

  it('--inputs does not go around the cap: neither the element cap nor the memory estimate', async () => {
    const values = (n: number): string => `[${Array(n).fill('0.5').join(',')}]`;
    expectUserError(
      await mpcspec('run', 'relu', '--inputs', file('huge.json', `{"x":${values(10_000_001)}}`)),
      /relu: input x of shape \[10000001\] has 10000001 elements; a run takes at most 10000000 per input/,
    );
    expectUserError(
      await mpcspec(
        'run',
        'ltz',
        '--inputs',
        file('big.json', `{"x":${values(1_000_000)}}`),
        '--max-memory',
        '1',
      ),
      /ltz \(default, 2 parties\) on x \[1000000\] needs about \d\.\d GiB .* more than the 1\.0 GiB allowed/,
    );
  });

  it('a size whose matrices exceed the element cap is refused before anything is drawn', async () =>
    expectUserError(
      await mpcspec('run', 'matmul', '--size', '100000'),
      /matmul: input x of shape \[100000, 100000\] has 10000000000 elements; a run takes at most 10000000/,
    ));

  it('conform refuses a case too large for its budget as an error row', async () => {
    const r = await mpcspec(
      'conform',
      '--only',
      'ltz',
      '--profile',
      'default',
      '--parties',
      '2',
      '--size',
      '200000',
      '--max-memory',
      '0.3',
      '--no-views',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ERROR: ltz \(default, 2 parties\) on x \[200000\] needs about 0\.\d GiB/);
  });

  it('the estimate covers what the run allocates, and not by more than twice', async () => {
    for (const [id, profile, size] of [
      ['ltz', 'default', 1 << 17],
      ['mul', 'crypten', 1 << 18],
      ['matmul', 'default', 300],
    ] as const) {
      const c = buildCase({ id, profile, size, seed: 3n });
      const estimate = (await estimatePeakBytes(c))!;
      const arena = new WordArena();
      await arena.run(() => executeCase(c));
      const measured = arena.bytesTaken;
      arena.release();
      expect(estimate.bytes, `${id} ${profile}`).toBeGreaterThan(measured);
      expect(estimate.bytes, `${id} ${profile}`).toBeLessThan(2 * measured + 200 * 2 ** 20);
    }
  });
});
