// Reading verifier and grader reports (issue 5 §4): one line per file, and one per tcId — every tcId when
// asked, otherwise the failed ones — so a user sees which file and which case, and why.
import type { FileReport } from './verify/verify-file.ts';
import { formatProblem } from './verify/load.ts';

export interface ReportTotals {
  readonly files: number;
  readonly failedFiles: number;
  readonly cases: number;
  readonly failedCases: number;
  /** Files that could not be read or are malformed: each counts as one failure. */
  readonly rejectedFiles: number;
}

export function totals(reports: readonly FileReport[]): ReportTotals {
  return {
    files: reports.length,
    failedFiles: reports.filter((r) => !r.ok).length,
    cases: reports.reduce((n, r) => n + r.cases.length, 0),
    failedCases: reports.reduce((n, r) => n + r.cases.filter((c) => !c.ok).length, 0),
    rejectedFiles: reports.filter((r) => r.problem !== undefined).length,
  };
}

export function reportLines(r: FileReport, everyCase: boolean): string[] {
  if (r.problem !== undefined) return [`FAIL ${formatProblem(r.problem)}`];
  const bad = r.cases.filter((c) => !c.ok).length;
  const invalid = r.cases.filter((c) => c.result === 'invalid').length;
  const head = `${r.ok ? 'PASS' : 'FAIL'} ${r.file}: ${r.cases.length - bad}/${r.cases.length} cases pass (${invalid} invalid case(s) among them)`;
  const rows = r.cases
    .filter((c) => everyCase || !c.ok)
    .map(
      (c) =>
        `  ${c.ok ? 'ok  ' : 'FAIL'} tcId ${c.tcId} (${c.result === undefined ? 'not in the prompt' : `${c.result}; ${c.flags.join(', ')}`}): ${c.detail}`,
    );
  return [head, ...rows];
}

/** Cases that passed and failed; a file that could not be read counts as one failure. */
export const totalsLine = (t: ReportTotals): string =>
  `${t.cases - t.failedCases} passed, ${t.failedCases + t.rejectedFiles} failed (${t.files} file(s), ${t.failedFiles} failing)`;
