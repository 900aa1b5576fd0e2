// The configurations every protocol is checked under: each profile with 2 and 3 parties at ℓ 64, and
// small rings (ℓ 8, 16, 32) under the default schedule — small rings make share wrap, truncation error
// and boundary effects frequent enough to see.
import { type Config, resolveConfig } from '../spec/config.ts';

export const PROPERTY_CONFIGS: readonly Config[] = [
  resolveConfig('crypten', { parties: 2 }),
  resolveConfig('crypten', { parties: 3 }),
  resolveConfig('spu', { parties: 2 }),
  resolveConfig('default', { parties: 2 }),
  resolveConfig('default', { parties: 3 }),
  resolveConfig('default', { parties: 2, ell: 32 }),
  resolveConfig('default', { parties: 2, ell: 16 }),
  resolveConfig('default', { parties: 3, ell: 8 }),
];

export const configName = (c: Config): string => `${c.profile} n=${c.parties} ℓ=${c.ell} f=${c.f}`;
