// JUnit XML for a backend's CI (issue 17 §2): one testsuite, one testcase per op (classname the family,
// name the op with its parameters); a failing op has a <failure>, an adapter fault an <error>, an op
// that does not apply is <skipped>. The message is the verdict line; the body holds the evidence.
import type { BackendReport } from '../runner.ts';
import { defectText, verdictText } from './describe.ts';

const escape = (s: string): string =>
  s
    // XML 1.0 allows no control characters but tab, newline and carriage return
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function junitXml(report: BackendReport): string {
  const tests = report.ops.length;
  const failures = report.ops.filter((r) => r.status === 'fail' || r.status === 'missing').length;
  const errors = report.ops.filter((r) => r.status === 'error').length;
  const skipped = report.ops.filter((r) => r.status === 'n/a').length;
  const suite = `mpcspec conform --backend ${report.backend.name}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(suite)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(report.ms / 1000).toFixed(3)}">`,
    `  <testsuite name="${escape(suite)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(report.ms / 1000).toFixed(3)}">`,
    `    <properties><property name="profile" value="${escape(report.config.profile)}"/><property name="seed" value="${report.seed}"/><property name="cases per op" value="${report.casesPerOp}"/></properties>`,
  ];
  for (const r of report.ops) {
    const open = `    <testcase classname="${escape(r.family)}" name="${escape(r.key)}">`;
    const verdict = escape(verdictText(r));
    const body = escape(
      [...(r.defect === undefined ? [] : defectText(r.defect)), ...r.cost.mismatches].join('\n'),
    );
    if (r.status === 'pass') lines.push(`${open}</testcase>`);
    else if (r.status === 'n/a') lines.push(`${open}<skipped message="${verdict}"/></testcase>`);
    else if (r.status === 'error')
      lines.push(`${open}<error message="${verdict}">${body}</error></testcase>`);
    else lines.push(`${open}<failure message="${verdict}">${body}</failure></testcase>`);
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
