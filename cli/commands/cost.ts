// `mpcspec cost --model M --recipe R [--seq N] [--layers K] [--profile P] [--network lan|wan|BW,RTT]
// [--measure] [--json]` (docs/models.md): per component, per layer and for the whole model, the online
// rounds, bits per party, CrypTen's counter, offline bits, preprocessing and the estimated time on the
// network, all from the registered specs' formulas; --measure runs the model in the in-memory backend
// (synthetic weights and inputs) and sets the measured cost beside the formula on every row.
import type { Command } from 'commander';
import { modelCost } from '../../model/cost.ts';
import { type CostRow, MB, costRows } from '../../model/report.ts';
import { runModel } from '../../model/run-model.ts';
import { gaussians, syntheticWeights } from '../../model/weight-source.ts';
import { NETWORKS, describeNetwork, parseNetwork } from '../../spec/model/network.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import { printTable } from '../table.ts';
import {
  type ModelOptions,
  addModelOptions,
  describePlan,
  planFromOptions,
  seedOf,
} from './model-options.ts';
import { progressBar } from './progress.ts';

interface CostOptions extends ModelOptions {
  network: string;
  measure?: boolean;
}

const mb = (bits: number): string => (bits / 8 / MB).toFixed(bits / 8 / MB >= 100 ? 1 : 3);
const time = (s: number): string => (s >= 10 ? s.toFixed(1) : s >= 0.1 ? s.toFixed(2) : s.toFixed(4));
const perParty = (v: readonly number[]): string =>
  v.every((x) => x === v[0]) ? mb(v[0]!) : v.map(mb).join(' / ');

export function registerCostCommand(program: Command): void {
  addModelOptions(
    program
      .command('cost')
      .description(
        "a model's cost under a recipe: rounds, bits, preprocessing and estimated time per component, layer and model",
      ),
  )
    .option(
      '--network <net>',
      `lan | wan | BW,RTT (Mbit/s, ms); presets: ${NETWORKS.map((n) => describeNetwork(n)).join('; ')}`,
      'wan',
    )
    .option('--measure', 'run the model in the in-memory backend and check measured = formula on every row')
    .option('--json', 'print one JSON object')
    .action(
      action(async (opts: CostOptions) => {
        const network = parseNetwork(opts.network);
        const plan = planFromOptions(opts);
        const cost = modelCost(plan);
        let measured: Awaited<ReturnType<typeof runModel>> | undefined;
        if (opts.measure === true) {
          const weights = syntheticWeights(plan.model, seedOf(opts));
          const input = gaussians(seedOf(opts), 'inputs/hidden', plan.seq * plan.model.hidden);
          const bar = progressBar(opts.json !== true, plan.layers.length, 'layers');
          measured = await runModel(plan, weights, input, seedOf(opts), (i) => bar.update(i + 1));
          bar.stop();
        }
        const rows = costRows(
          plan,
          cost,
          network,
          measured?.map((r) => r.steps),
        );
        const ok = rows.every((r) => r.matches !== false);
        if (opts.json === true) {
          process.stdout.write(
            `${JSON.stringify(
              {
                model: plan.model.name,
                recipe: plan.recipe.name,
                config: plan.config,
                seq: plan.seq,
                layers: plan.layers.length,
                knobs: plan.knobs,
                network,
                rows: rows.map(jsonRow),
                ...(measured === undefined ? {} : { measuredMs: measured.reduce((a, r) => a + r.ms, 0), ok }),
              },
              null,
              2,
            )}\n`,
          );
        } else {
          process.stdout.write(`${describePlan(plan)}\nnetwork ${describeNetwork(network)}\n`);
          const head = [
            'scope',
            'component',
            'rounds',
            'sent MB/party',
            'CrypTen MB',
            'offline MB/party',
            'est. s',
          ];
          printTable(
            measured === undefined ? head : [...head, 'measured rounds', 'measured sent MB', '= formula'],
            rows.map((r) => [
              r.scope,
              r.part,
              r.cost.rounds,
              perParty(r.cost.bitsSent),
              r.cryptenBytes === undefined ? '—' : mb(r.cryptenBytes * 8),
              perParty(r.cost.offlineBits),
              time(r.seconds),
              ...(r.measured === undefined
                ? []
                : [r.measured.rounds, perParty(r.measured.bitsSent), r.matches === true ? 'yes' : 'NO']),
            ]),
          );
          const total = rows[rows.length - 1]!;
          process.stdout.write(
            `preprocessing (model): ${Object.entries(total.cost.preprocessing)
              .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
              .join(
                ', ',
              )}\nMB = 2^20 bytes; CrypTen MB = bytes sent + received by party 0, as CrypTen's counter logs them; est. s = rounds × RTT/2 + sent bits / bandwidth (communication only)\n`,
          );
          if (measured !== undefined)
            process.stdout.write(
              `measured: ${ok ? 'every row equals its formula' : 'some rows differ from their formula'}; in-memory run ${(measured.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(2)} s (2 parties in one process, dealer included)\n`,
            );
        }
        if (!ok) process.exitCode = EXIT_FAILED_CHECK;
      }),
    );
}

const jsonRow = (r: CostRow): Record<string, unknown> => ({
  scope: r.scope,
  component: r.part,
  ...r.cost,
  ...(r.cryptenBytes === undefined ? {} : { cryptenBytes: r.cryptenBytes }),
  estimatedSeconds: r.seconds,
  ...(r.measured === undefined ? {} : { measured: r.measured, matches: r.matches }),
});
