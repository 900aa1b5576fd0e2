// `mpcspec vectors …` (issue 5): generate the committed vectors, verify vector files, split them into
// blind prompts and expected answers, and grade a backend's responses. Verify and check exit 1 when any
// case fails or any file could not be read; generate exits 1 when a protocol broke its own spec.
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { makeOutputDirectory } from '../../core/output-files.ts';
import { checkPaths, splitPath } from '../../vectors/blind/files.ts';
import { generateVectors, writeSchemas, writeVectors } from '../../vectors/generate/generate-all.ts';
import { DATA_DIR, SCHEMA_DIR } from '../../vectors/paths.ts';
import { reportLines, totals, totalsLine } from '../../vectors/report.ts';
import { formatProblem } from '../../vectors/verify/load.ts';
import { type FileReport, verifyPath } from '../../vectors/verify/verify-file.ts';
import { EXIT_FAILED_CHECK, action } from '../errors.ts';
import { parseListOption } from '../options.ts';

function finish(
  reports: readonly FileReport[],
  json: boolean | undefined,
  verbose: boolean | undefined,
): void {
  const t = totals(reports);
  if (json === true) process.stdout.write(`${JSON.stringify({ totals: t, files: reports }, null, 2)}\n`);
  else {
    for (const r of reports) process.stdout.write(`${reportLines(r, verbose === true).join('\n')}\n`);
    process.stdout.write(`${totalsLine(t)}\n`);
  }
  if (t.failedFiles > 0 || t.files === 0) process.exitCode = EXIT_FAILED_CHECK;
}

function registerGenerate(vectors: Command): void {
  vectors
    .command('generate')
    .description('regenerate the vector files (one per protocol and profile) and their JSON Schemas')
    .option('--out <dir>', 'where to write the vector files', DATA_DIR)
    .option('--schema-out <dir>', 'where to write the JSON Schemas', SCHEMA_DIR)
    .option(
      '--only <ids>',
      'comma-separated protocol ids (default: every registered protocol)',
      parseListOption('only', 'mul,trunc'),
    )
    .action(
      action(async (opts: { out: string; schemaOut: string; only?: string[] }) => {
        // Before minutes of generation: an output directory that cannot be made fails now.
        await makeOutputDirectory(opts.out);
        await makeOutputDirectory(opts.schemaOut);
        const bar = new SingleBar(
          { format: 'vectors [{bar}] {value}/{total} {current}', hideCursor: true },
          Presets.shades_classic,
        );
        let started = false;
        const generation = await generateVectors({
          ...(opts.only === undefined ? {} : { only: opts.only }),
          onProgress: (done, total, current) => {
            if (!started) bar.start(total, 0, { current });
            started = true;
            bar.update(done, { current });
          },
        });
        bar.stop();
        const { written, removed } = await writeVectors(opts.out, generation, opts.only === undefined);
        const schemas = await writeSchemas(opts.schemaOut);
        const tests = generation.files.reduce((n, f) => n + f.tests, 0);
        const bytes = generation.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
        process.stdout.write(
          `wrote ${written} vector file(s), ${tests} tests, ${(bytes / 1e6).toFixed(2)} MB to ${opts.out}; ${schemas.length} schema(s) to ${opts.schemaOut}\n`,
        );
        if (removed.length > 0) process.stdout.write(`removed stale vector files: ${removed.join(', ')}\n`);
        if (generation.problems.length > 0) {
          process.stderr.write(
            `mpcspec: protocols that broke their spec while generating (left out):\n  ${generation.problems.join('\n  ')}\n`,
          );
          process.exitCode = EXIT_FAILED_CHECK;
        }
      }),
    );
}

function registerVerify(vectors: Command): void {
  vectors
    .command('verify')
    .description('replay every case of vector files against the reference and the protocol, bit-exactly')
    .argument('<paths...>', 'vector files or directories of them')
    .option('--verbose', 'one line per tcId, not only the failed ones')
    .option('--json', 'print the reports as JSON')
    .action(
      action(async (paths: string[], opts: { verbose?: boolean; json?: boolean }) => {
        const reports: FileReport[] = [];
        for (const p of paths) reports.push(...(await verifyPath(p)));
        finish(reports, opts.json, opts.verbose);
      }),
    );
}

function registerSplit(vectors: Command): void {
  vectors
    .command('split')
    .description('write blind-mode prompts (inputs, seeds, params) apart from the expected results')
    .argument('<path>', 'a vector file or a directory of them')
    .requiredOption('--out <dir>', 'where to write <name>.prompt.json and <name>.expected.json')
    .action(
      action(async (path: string, opts: { out: string }) => {
        const { written, problems } = await splitPath(path, opts.out);
        process.stdout.write(`wrote ${written.length} file(s) to ${opts.out}\n`);
        for (const p of problems) process.stderr.write(`mpcspec: ${formatProblem(p)}\n`);
        if (problems.length > 0 || written.length === 0) process.exitCode = EXIT_FAILED_CHECK;
      }),
    );
}

function registerCheck(vectors: Command): void {
  vectors
    .command('check')
    .description("grade a backend's responses to blind-mode prompts")
    .requiredOption('--expected <path>', 'an .expected.json file or a directory of them')
    .requiredOption('--responses <path>', 'a responses file or a directory of them')
    .option('--verbose', 'one line per tcId, not only the failed ones')
    .option('--json', 'print the reports as JSON')
    .action(
      action(async (opts: { expected: string; responses: string; verbose?: boolean; json?: boolean }) => {
        finish(await checkPaths(opts.expected, opts.responses), opts.json, opts.verbose);
      }),
    );
}

export function registerVectorsCommand(program: Command): void {
  const vectors = program
    .command('vectors')
    .description('conformance test vectors: generate, verify, split, check');
  registerGenerate(vectors);
  registerVerify(vectors);
  registerSplit(vectors);
  registerCheck(vectors);
}
