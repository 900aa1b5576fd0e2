// Running one kernel case through the generic harness (harness/execute.ts), for the kernel tests.
import { encode } from '../../core/fixed.ts';
import { type CaseResult, executeCase } from '../../harness/execute.ts';
import { findProtocol } from '../../registry/index.ts';
import { type Config, resolveConfig } from '../../spec/config.ts';

export function kernelConfig(profile: 'crypten' | 'default', parties = 2): Config {
  return resolveConfig(profile, { parties });
}

export function runKernel(
  id: string,
  params: Record<string, unknown>,
  config: Config,
  values: readonly number[],
  seed = 1n,
  allowOutOfDomain = false,
): Promise<CaseResult> {
  const protocol = findProtocol(id).bind(params);
  const shapes = protocol.shapes(values.length);
  return executeCase({
    protocol,
    config,
    shapes,
    inputs: { x: encode(values, [values.length], config, 'x') },
    seed,
    allowOutOfDomain,
  });
}

/** Evenly spaced values over [lo, hi], both ends included. */
export const linspace = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
