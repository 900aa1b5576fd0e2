// Options `mpcspec cost` and `mpcspec infer` share (docs/models.md): the model, the recipe and its
// settings, the run's configuration, and the plan they make.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.ts';
import { loadModel } from '../../model/load.ts';
import { type ModelPlan, planModel } from '../../model/plan.ts';
import { resolveConfig } from '../../spec/config.ts';
import { findRecipe } from '../../spec/model/recipes.ts';
import { parseIntOption, parseSeedOption } from '../options.ts';

export interface ModelOptions {
  model: string;
  recipe: string;
  seq?: number;
  layers?: number;
  profile: string;
  parties: number;
  set: Record<string, number>;
  seed?: bigint;
  json?: boolean;
}

/** `--set name=value`, repeatable: a recipe's knob (μ, a budget, a flag). */
function collectSetting(value: string, previous: Record<string, number>): Record<string, number> {
  const m = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(value.trim());
  const v = m === null ? NaN : Number(m[2]);
  if (m === null || !Number.isFinite(v))
    throw usageError(
      `--set: '${value}' is not name=number, e.g. --set mu=0.7 (docs/models.md lists each recipe's settings)`,
    );
  return { ...previous, [m[1]!]: v };
}

export function addModelOptions(cmd: Command): Command {
  return (
    cmd
      .requiredOption(
        '--model <name|file>',
        'bert-base | bert-large | vit-cifar | vit-tiny-imagenet | vit-tiny, or a JSON file',
      )
      .requiredOption(
        '--recipe <name>',
        'crypten | mpcformer | secformer | puma | mpcvit | mpcvit-plus | privit, or <name>-released',
      )
      .option('--seq <n>', "tokens (default: the model's N)", parseIntOption('seq', 1, 100_000))
      .option('--layers <k>', 'the first K layers (default: all)', parseIntOption('layers', 1, 1000))
      .option('--profile <name>', 'crypten | spu | default', 'default')
      .option('--parties <n>', 'number of parties', parseIntOption('parties', 2, 16), 2)
      .option(
        '--set <name=value>',
        'a recipe setting, repeatable: mu, reassociate, softmaxRows, geluTokens',
        collectSetting,
        {},
      )
      // No BigInt default here: commander's help prints defaults as JSON.
      .option('--seed <s>', 'seed of synthetic masks, weights and inputs (default 1)', parseSeedOption)
  );
}

export const seedOf = (o: ModelOptions): bigint => o.seed ?? 1n;

export function planFromOptions(o: ModelOptions): ModelPlan {
  const model = loadModel(o.model);
  return planModel({
    model,
    recipe: findRecipe(o.recipe),
    config: resolveConfig(o.profile, { parties: o.parties }),
    ...(o.seq === undefined ? {} : { seq: o.seq }),
    ...(o.layers === undefined ? {} : { layers: o.layers }),
    set: o.set,
    maskSeed: seedOf(o),
  });
}

export const describePlan = (p: ModelPlan): string =>
  `${p.model.name} × ${p.recipe.name}, profile ${p.config.profile} (${p.config.parties} parties, ℓ ${p.config.ell}, f ${p.config.f}), ${p.seq} tokens, ${p.layers.filter((l) => l.layer !== 'final').length} of ${p.model.layers} layers${p.layers.some((l) => l.layer === 'final') ? ' and the final LayerNorm' : ''}${
    Object.keys(p.knobs).length === 0
      ? ''
      : `; ${Object.entries(p.knobs)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`
  }`;
