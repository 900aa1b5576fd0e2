// Execute a case and keep only its summary, inside a WordArena (core/word-pool.ts): the summary holds
// numbers and copied arrays, never the run's buffers, so they go back to the pool for the next case and
// large ones are shared with the helper thread (core/parallel/split-run.ts). Used by `conform` and `run`.
import { WordArena } from '../core/word-pool.ts';
import { type CaseSpec, executeCase } from './execute.ts';
import { type CaseSummary, summarizeCase } from './summary.ts';

export async function executeAndSummarize(
  spec: CaseSpec,
  options: { emitOutputs?: boolean } = {},
): Promise<CaseSummary> {
  return WordArena.within(async () => summarizeCase(await executeCase(spec), options));
}
