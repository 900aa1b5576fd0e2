// `mpcspec infer --model M --recipe R [--seq N] [--weights FILE] [--inputs FILE] [--seed S] [--layers K]`
// (docs/models.md): the model run privately from shared input hidden states, and per layer the error of
// the private output against the float64 forward of the same recipe (implementation error) and of that
// forward against the exact model (approximation error): max abs, relative (‖a − b‖/‖b‖), cosine.
// Synthetic inputs are N(0, 1) per element from the seed; synthetic weights as model/weight-source.ts.
import type { Command } from 'commander';
import { decode } from '../../core/fixed.ts';
import { compare, exactLayer, onGrid, recipeLayer } from '../../model/forward.ts';
import { loadInput, loadWeights } from '../../model/load.ts';
import { reconstruct } from '../../model/private-run.ts';
import { runModel } from '../../model/run-model.ts';
import { gaussians, syntheticWeights } from '../../model/weight-source.ts';
import { action } from '../errors.ts';
import { printTable } from '../table.ts';
import {
  type ModelOptions,
  addModelOptions,
  describePlan,
  planFromOptions,
  seedOf,
} from './model-options.ts';
import { progressBar } from './progress.ts';

interface InferOptions extends ModelOptions {
  weights?: string;
  inputs?: string;
}

type Errors = ReturnType<typeof compare>;

const num = (v: number): string =>
  v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(4) : v.toExponential(2);

export function registerInferCommand(program: Command): void {
  addModelOptions(
    program
      .command('infer')
      .description(
        'run a model privately and report, per layer, its error against the float64 recipe and the exact model',
      ),
  )
    .option('--weights <file>', '.safetensors file of the model weights (names and layout: docs/models.md)')
    .option(
      '--inputs <file>',
      'input hidden states [N, D]: a JSON array of rows, or .safetensors with a tensor "input"',
    )
    .option('--json', 'print one JSON object')
    .action(
      action(async (opts: InferOptions) => {
        const plan = planFromOptions(opts);
        const { model, config, seq } = plan;
        const weights =
          opts.weights === undefined
            ? syntheticWeights(model, seedOf(opts))
            : loadWeights(model, opts.weights);
        const raw =
          opts.inputs === undefined
            ? gaussians(seedOf(opts), 'inputs/hidden', seq * model.hidden)
            : loadInput(opts.inputs, seq, model.hidden);
        const input = onGrid(config, raw, [seq, model.hidden], 'input hidden states');
        const bar = progressBar(opts.json !== true, plan.layers.length, 'layers');
        let recipe = input;
        let exact = input;
        const layers: {
          layer: string;
          ms: number;
          implementation: Errors;
          approximation: Errors;
          outOfDomain: readonly string[];
        }[] = [];
        await runModel(plan, weights, input, seedOf(opts), (i, run) => {
          const layer = plan.layers[i]!;
          const forward = recipeLayer(plan, layer, weights, recipe);
          recipe = forward.output;
          exact = exactLayer(plan, layer.layer, weights, exact);
          const priv = decode(reconstruct(run.shares), config.f);
          layers.push({
            layer: layer.layer === 'final' ? 'final LN' : `layer ${layer.layer}`,
            ms: run.ms,
            implementation: compare(priv, recipe),
            approximation: compare(recipe, exact),
            outOfDomain: forward.outOfDomain,
          });
          bar.update(i + 1, `${(run.ms / 1000).toFixed(1)} s`);
        });
        bar.stop();
        if (opts.json === true) {
          process.stdout.write(
            `${JSON.stringify({ model: model.name, recipe: plan.recipe.name, config, seq, knobs: plan.knobs, weights: weights.describe, layers }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(`${describePlan(plan)}\nweights: ${weights.describe}\n`);
        printTable(
          [
            'layer',
            'private vs recipe: max abs',
            'relative',
            'cosine',
            'recipe vs exact: max abs',
            'relative',
            'cosine',
            'time s',
          ],
          layers.map((l) => [
            l.layer,
            num(l.implementation.maxAbs),
            num(l.implementation.relative),
            l.implementation.cosine.toFixed(6),
            num(l.approximation.maxAbs),
            num(l.approximation.relative),
            l.approximation.cosine.toFixed(6),
            (l.ms / 1000).toFixed(2),
          ]),
        );
        const outside = layers.filter((l) => l.outOfDomain.length > 0);
        for (const l of outside)
          for (const line of l.outOfDomain) process.stdout.write(`warning: ${l.layer}: ${line}\n`);
        if (outside.length > 0)
          process.stdout.write(
            `warning: in ${outside.length} of ${layers.length} layers a step's input left its spec's domain (lines above): there its error is not bounded, and the private output may leave the recipe's float64 forward by any amount\n`,
          );
        process.stdout.write(
          'recipe = the float64 forward of the same recipe (each step by its spec ideal); exact = the model with softmax, erf GeLU and LayerNorm\n',
        );
      }),
    );
}
