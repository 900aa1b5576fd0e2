// Every command and subcommand answers --help (issue 15 §1): exit 0, its usage on stdout, nothing on
// stderr. The commands come from the CLI's own tree (cli/program.ts), so a new command is covered without
// editing this test; each is run as a user runs it, through bin/mpcspec.mjs on the compiled code.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/program.ts';
import { mpcspec } from './helpers.ts';

function commandPaths(c: Command, prefix: string[] = []): string[][] {
  return c.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

const paths = [[], ...commandPaths(buildProgram('0.0.0'))];

describe('--help', () => {
  it('the tree has every command the README names', () => {
    const names = paths.map((p) => p.join(' '));
    for (const n of ['list', 'run', 'conform', 'plot', 'audit views', 'vectors verify', 'party'])
      expect(names).toContain(n);
  });

  for (const path of paths)
    it(`mpcspec ${path.join(' ')} --help`.replace('  ', ' '), async () => {
      const r = await mpcspec(...path, '--help');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: ${['mpcspec', ...path].join(' ')}`);
      expect(r.stdout).toMatch(/-h, --help\s+display help for command/);
    });
});
