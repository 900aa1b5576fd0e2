// One case as a program asks for it (the package's `runCase`, api/index.ts): build it from an id, a
// profile and a size or inputs (harness/case.ts), run it on the chosen transport, and return its summary
// (harness/summary.ts: measured and specified cost, errors, bounds, verdict) — what `mpcspec run --json`
// prints. A run whose estimated peak memory exceeds the budget is refused before it starts.
import { type CaseRequest, buildCase } from './case.ts';
import { checkMemory } from './memory-estimate.ts';
import type { TcpOptions } from './tcp/orchestrate.ts';
import { executeAndSummarize } from './summarized-run.ts';
import type { CaseSummary } from './summary.ts';

export interface RunCaseRequest extends CaseRequest {
  /** `memory` (default): every party in this process; `tcp`: one OS process per party on loopback. */
  readonly transport?: 'memory' | 'tcp';
  readonly tcp?: TcpOptions;
  /** Include the decoded outputs in the summary. */
  readonly emitOutputs?: boolean;
  /** Refuse the run when its estimated peak memory exceeds this (default: memory-estimate.ts). */
  readonly maxMemoryBytes?: number;
}

export async function runCase(request: RunCaseRequest): Promise<CaseSummary> {
  const c = buildCase(request);
  await checkMemory(c, request.maxMemoryBytes);
  return executeAndSummarize(
    {
      ...c,
      ...(request.transport === undefined ? {} : { transport: request.transport }),
      ...(request.tcp === undefined ? {} : { tcp: request.tcp }),
    },
    { emitOutputs: request.emitOutputs === true },
  );
}
