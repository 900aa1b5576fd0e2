// `mpcspec list [--json]`: every registered protocol with its title and family.
import type { Command } from 'commander';
import { REGISTRY } from '../../registry/index.ts';
import { action } from '../errors.ts';
import { printTable } from '../table.ts';

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('list every registered protocol id with its title and family')
    .option('--json', 'print JSON instead of a table')
    .action(
      action((opts: { json?: boolean }) => {
        const rows = REGISTRY.map((p) => ({
          id: p.id,
          family: p.family,
          title: p.title,
          source: p.source,
          defaults: p.defaults,
        }));
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        printTable(
          ['id', 'family', 'title'],
          rows.map((r) => [r.id, r.family, r.title]),
        );
      }),
    );
}
