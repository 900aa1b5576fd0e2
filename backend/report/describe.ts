// A backend conformance report in words (issue 17 §2, §3): one table row per op — cases, the largest
// error in ulps and real units, the worst case with its inputs, cost spec/backend, verdict — and for
// every op that fails, a paragraph with the defect identification's match and evidence, or the worst
// cases when nothing matches.
import type { CandidateScore, DefectVerdict } from '../defects/identify.ts';
import type { BackendReport, OpReport } from '../runner.ts';
import type { WorstElement } from '../value-check.ts';

export const TABLE_HEAD = [
  'op',
  'cases',
  'max error (ulp / real)',
  'worst case',
  'cost spec/backend',
  'verdict',
];

const num = (v: number): string => (Number.isInteger(v) && Math.abs(v) < 1e9 ? String(v) : v.toPrecision(6));

function worstText(w: WorstElement): string {
  return `${w.case} ${w.output}[${w.index}]: ${num(w.backend)} vs ${num(w.reference)} (${w.inputs})`;
}

function costText(r: OpReport): string {
  const c = r.cost;
  if (c.status === 'equal') return `${c.detail} = spec`;
  if (c.status === 'differs') return `DIFFERS: ${c.mismatches[0] ?? c.detail}`;
  return c.status === 'not reported' ? 'cost: not reported' : 'no schedule claimed';
}

export function verdictText(r: OpReport): string {
  switch (r.status) {
    case 'pass':
      return r.views === undefined ? 'PASS' : `PASS; views ${r.views.detail}`;
    case 'n/a':
      return `n/a: ${r.reason}`;
    case 'missing':
      return `MISSING: ${r.reason}`;
    case 'error':
      return `ERROR: ${r.reason}`;
    case 'fail': {
      const why: string[] = [];
      const v = r.value;
      if (v !== undefined && !v.ok)
        why.push(
          v.violations > 0
            ? `${v.failingCases.length} of ${r.casesAnswered} cases outside the bound`
            : `${v.wrapEvents} elements outside the bound where the spec allows ${v.wrapAllowed} wrap events`,
        );
      if (v !== undefined && !v.approximation.ok) why.push('reference outside the approximation bound');
      if (r.cost.status === 'differs') why.push('cost differs');
      if (r.views?.status === 'leak') why.push(`views ${r.views.detail}`);
      const match = r.defect?.kind === 'match' ? `; matches ${r.defect.best.name}` : '';
      const released =
        r.releasedDefect === undefined
          ? ''
          : `; the parameters offered are the released-code form '${r.releasedDefect.defect}' (${r.releasedDefect.title}), judged by ${JSON.stringify(r.releasedDefect.claims)}`;
      return `FAIL: ${why.join('; ')}${match}${released}`;
    }
  }
}

export function tableRow(r: OpReport): string[] {
  const v = r.value;
  const w = v?.worst;
  const ulp = w === undefined ? 0 : Number(w.ulps < 0n ? -w.ulps : w.ulps);
  const real = w === undefined ? 0 : Math.abs(w.backend - w.reference);
  const wraps = v !== undefined && v.wrapEvents > 0 ? `, ${v.wrapEvents} wraps (≤ ${v.wrapAllowed})` : '';
  return [
    r.key,
    r.status === 'n/a' || r.status === 'missing' ? '' : `${r.casesAnswered}/${r.casesPlanned}`,
    v === undefined ? '' : `${ulp} / ${real.toExponential(1)}${wraps}`,
    w === undefined || ulp === 0 ? '' : worstText(w),
    r.status === 'n/a' || r.status === 'missing' ? '' : costText(r),
    verdictText(r),
  ];
}

function candidateLine(s: CandidateScore): string {
  const params = s.params === undefined ? '' : ` with params ${JSON.stringify(s.params)}`;
  const tag = s.defect === undefined ? '' : ` (known defect ${s.defect.id}: ${s.defect.title})`;
  return `"${s.name}"${params} on ${s.casesMatched}/${s.cases} cases (explains ${s.failingExplained}/${s.failing} failing; max distance ${s.maxDistance} ulp): ${s.explanation}${tag}`;
}

export function defectText(d: DefectVerdict): string[] {
  if (d.kind === 'match') {
    const lines = [`  defect: outputs match ${candidateLine(d.best)}`];
    if (d.also.length > 0)
      lines.push(
        `    equally consistent with: ${d.also.slice(0, 4).join('; ')}${d.also.length > 4 ? ' …' : ''}`,
      );
    return lines;
  }
  const lines = [
    `  defect: no match among ${d.candidatesTried} candidates (registered variants, other protocols, classic mistakes)`,
  ];
  if (d.closest !== undefined) lines.push(`    closest: ${candidateLine(d.closest)}`);
  lines.push('    worst cases:');
  for (const w of d.worst) lines.push(`      ${worstText(w)}, off by ${w.ulps} ulp`);
  return lines;
}

/** The paragraphs under the table: every failing or erroring op with its evidence. */
export function detailText(report: BackendReport): string[] {
  const out: string[] = [];
  for (const r of report.ops) {
    if (r.status === 'pass' || r.status === 'n/a') continue;
    out.push(`${r.key}: ${verdictText(r)}`);
    if (r.value !== undefined && !r.value.ok && r.value.worst !== undefined)
      out.push(`  worst: ${worstText(r.value.worst)}, off by ${r.value.worst.ulps} ulp`);
    for (const m of r.cost.mismatches) out.push(`  cost: ${m}`);
    if (r.value?.approximation.firstViolation !== undefined)
      out.push(`  approximation: ${r.value.approximation.firstViolation}`);
    if (r.defect !== undefined) out.push(...defectText(r.defect));
  }
  return out;
}

export const backendName = (report: BackendReport): string =>
  report.backend.version === '' ? report.backend.name : `${report.backend.name} ${report.backend.version}`;

export function summaryLine(report: BackendReport): string {
  const count = (s: OpReport['status']): number => report.ops.filter((r) => r.status === s).length;
  const parts = [
    `${count('pass')} passed`,
    `${count('fail')} failed`,
    `${count('error')} errors`,
    ...(count('missing') > 0 ? [`${count('missing')} missing`] : []),
    ...(count('n/a') > 0 ? [`${count('n/a')} not applicable`] : []),
  ];
  return `${report.ops.length} ops of ${backendName(report)}: ${parts.join(', ')} (${(report.ms / 1000).toFixed(1)} s)`;
}
