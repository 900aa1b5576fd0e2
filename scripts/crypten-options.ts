// The command-line options the CrypTen scripts share (scripts/crypten-conform.ts, crypten-agreement.ts):
// cases per op, the run seed and the output folder, checked into one usage error each.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { usageError } from '../core/errors.ts';

export const ROOT = join(import.meta.dirname, '..');

export interface CryptenRunOptions {
  readonly cases: number;
  readonly seed: bigint;
  readonly out: string;
  /** The script's own options, as given or defaulted. */
  readonly extra: Readonly<Record<string, string>>;
}

export function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--${name}: '${value}' is not a positive integer`);
  return n;
}

/** Parse argv: --cases, --seed, --out, and the script's own string options with their defaults. */
export function cryptenRunOptions(extra: Readonly<Record<string, string>>): CryptenRunOptions {
  const own = Object.fromEntries(
    Object.entries(extra).map(([k, d]) => [k, { type: 'string' as const, default: d }]),
  );
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '24' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: join(ROOT, 'reports/crypten') },
      ...own,
    },
  });
  const v = values as Record<string, string>;
  if (!/^\d+$/.test(v['seed']!)) throw usageError(`--seed: '${v['seed']}' is not a natural number`);
  return {
    cases: positiveInt('cases', v['cases']!),
    seed: BigInt(v['seed']!),
    out: v['out']!,
    extra: Object.fromEntries(Object.keys(extra).map((k) => [k, v[k]!])),
  };
}
