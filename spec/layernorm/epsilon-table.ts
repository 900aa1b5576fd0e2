// The ε table of docs/layernorm.md, from the spec's own epsilonAdded (test/layernorm/docs.test.ts keeps
// the docs copy from drifting): what the common model epsilons become under each profile's encoding,
// as the profile encodes them and with at-least-one-ulp.
import { resolveConfig } from '../config.ts';
import { PROFILES } from '../profile.ts';
import { layerNormSpec } from './layernorm.ts';
import { epsilonAdded } from './params.ts';

const EPSILONS: readonly { readonly value: number; readonly who: string }[] = [
  { value: 1e-5, who: 'PyTorch, CCT (MPCViT)' },
  { value: 1e-6, who: "SecFormer's LayerNorm module" },
  { value: 1e-12, who: 'BERT, ViT-Tiny (PriViT)' },
];

const ulps = (value: number, f: number): string => {
  const k = Math.round(value * 2 ** f);
  return k === 0 ? '0' : `${k} ulp (${value.toExponential(2)})`;
};

export function epsilonTableMarkdown(): string {
  const lines = [
    '| ε | used by | profile (f, encoding) | as-profile | at-least-one-ulp |',
    '|---|---|---|---|---|',
  ];
  for (const { value, who } of EPSILONS)
    for (const profile of PROFILES) {
      const config = resolveConfig(profile.name);
      const p = (epsilonEncoding: 'as-profile' | 'at-least-one-ulp') => ({
        ...layerNormSpec.defaults,
        epsilon: value,
        epsilonEncoding,
      });
      lines.push(
        `| ${value} | ${who} | ${profile.name} (${config.f}, ${config.rounding}) | ${ulps(epsilonAdded(config, p('as-profile')), config.f)} | ${ulps(epsilonAdded(config, p('at-least-one-ulp')), config.f)} |`,
      );
    }
  return lines.join('\n');
}
