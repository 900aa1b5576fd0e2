// The verifier (issue 5 §4): every case of a file is replayed — the protocol run again from the recorded
// seed and inputs, and the reference recomputed — and the file's record must equal the replay bit for bit
// (keys, input shares, tape draws, preprocessing, every message, output shares, expected outputs), the
// group's header must equal what the spec states (domain, bounds, exact cost), and the case's `result`
// must be what the replay shows: `valid` only if the output equals the reference, `acceptable` if it is
// within the spec's bound but not equal. An `invalid` case passes only if it is rejected.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import * as E from 'fp-ts/lib/Either.js';
import { match } from 'ts-pattern';
import { type CaseResult, executeCase } from '../../harness/execute.ts';
import { type BoundProtocol, findProtocol } from '../../registry/index.ts';
import { type Config, resolveConfig } from '../../spec/config.ts';
import { ringFromJson } from '../format/tensor.ts';
import type { TestCaseJson, TestGroupJson, VectorFileJson } from '../format/vector-file.ts';
import { classify, describeVerdict } from '../generate/classify.ts';
import { groupHeader, recordCase } from '../generate/record.ts';
import { type Difference, firstDifference } from './diff.ts';
import { indexPath, memberPath } from './json-path.ts';
import { filesAt } from './files-at.ts';
import { type FileProblem, loadVectorFile } from './load.ts';

export interface CaseCheck {
  readonly tcId: number;
  /** The case's recorded result; absent for a response to a tcId the prompt does not have. */
  readonly result?: TestCaseJson['result'];
  readonly flags: readonly string[];
  readonly ok: boolean;
  /** Why it failed, or for an invalid case why it was rejected. */
  readonly detail: string;
}

export interface FileReport {
  readonly file: string;
  readonly algorithm?: string;
  /** Set when the file could not be read or is malformed: then nothing in it counts as passed. */
  readonly problem?: FileProblem;
  readonly cases: readonly CaseCheck[];
  readonly ok: boolean;
}

const describeDifference = (d: Difference): string => `${d.path}: ${d.reason}`;

function groupConfig(file: string, group: TestGroupJson, gPath: string): E.Either<FileProblem, Config> {
  try {
    const config = resolveConfig(group.profile, { parties: group.parties, ell: group.ell, f: group.f });
    for (const key of ['rounding', 'truncation', 'inputSharing', 'schedule'] as const)
      if (config[key] !== group[key])
        return E.left({
          file,
          path: memberPath(gPath, key),
          reason: `'${group[key]}' but profile ${group.profile} resolves to '${config[key]}'`,
        });
    return E.right(config);
  } catch (e) {
    return E.left({ file, path: gPath, reason: (e as Error).message });
  }
}

async function replay(
  protocol: BoundProtocol,
  config: Config,
  group: TestGroupJson,
  test: TestCaseJson,
  tPath: string,
): Promise<CaseResult> {
  const inputs = Object.fromEntries(
    Object.entries(test.inputs).map(([k, v]) => [
      k,
      ringFromJson(v, memberPath(memberPath(tPath, 'inputs'), k), config.ell),
    ]),
  );
  return executeCase({
    protocol,
    config,
    shapes: group.shapes,
    inputs,
    seed: BigInt(test.seed),
    allowOutOfDomain: true,
  });
}

async function checkCase(
  protocol: BoundProtocol,
  config: Config,
  group: TestGroupJson,
  test: TestCaseJson,
  tPath: string,
): Promise<CaseCheck> {
  const base = { tcId: test.tcId, result: test.result, flags: test.flags };
  let rejection: string | undefined;
  try {
    const r = await replay(protocol, config, group, test, tPath);
    const { tcId: _id, comment: _c, flags: _f, result: _r, ...recorded } = test;
    const diff = firstDifference(recorded, recordCase(r), tPath);
    const verdict = classify(r);
    if (diff !== undefined) rejection = describeDifference(diff);
    else if (verdict.kind === 'violation') rejection = `${tPath}.expected: ${describeVerdict(verdict)}`;
    else if (verdict.kind !== test.result && test.result !== 'invalid')
      rejection = `${memberPath(tPath, 'result')}: says '${test.result}' but the output is ${describeVerdict(verdict)}`;
  } catch (e) {
    rejection = `${tPath}: replay failed: ${(e as Error).message}`;
  }
  return match(test.result)
    .with('invalid', () =>
      rejection === undefined
        ? { ...base, ok: false, detail: 'an invalid case verified as correct' }
        : { ...base, ok: true, detail: `rejected as it must be: ${rejection}` },
    )
    .with('valid', 'acceptable', () =>
      rejection === undefined
        ? { ...base, ok: true, detail: 'replays bit-exactly' }
        : { ...base, ok: false, detail: rejection },
    )
    .exhaustive();
}

export async function verifyVectorFile(file: string): Promise<FileReport> {
  const loaded = await loadVectorFile(file);
  if (E.isLeft(loaded)) return { file, problem: loaded.left, cases: [], ok: false };
  const v: VectorFileJson = loaded.right;
  const failed = (problem: FileProblem): FileReport => ({
    file,
    algorithm: v.algorithm,
    problem,
    cases: [],
    ok: false,
  });
  const cases: CaseCheck[] = [];
  for (const [g, group] of v.testGroups.entries()) {
    const gPath = indexPath('$.testGroups', g);
    let protocol: BoundProtocol;
    try {
      protocol = findProtocol(v.algorithm).bind(group.params);
    } catch (e) {
      return failed({ file, path: memberPath(gPath, 'params'), reason: (e as Error).message });
    }
    const config = groupConfig(file, group, gPath);
    if (E.isLeft(config)) return failed(config.left);
    let header: ReturnType<typeof groupHeader>;
    try {
      header = groupHeader(protocol, config.right, group.shapes);
    } catch (e) {
      return failed({ file, path: memberPath(gPath, 'shapes'), reason: (e as Error).message });
    }
    const { tests, ...recorded } = group;
    const diff = firstDifference(recorded, header, gPath);
    if (diff !== undefined)
      return failed({ file, path: diff.path, reason: `group does not match the spec: ${diff.reason}` });
    for (const [t, test] of tests.entries()) {
      // a replay settles in microtasks alone: let timers (progress, a test runner's heartbeat) run
      await yieldToEventLoop();
      cases.push(
        await checkCase(protocol, config.right, group, test, indexPath(memberPath(gPath, 'tests'), t)),
      );
    }
  }
  return { file, algorithm: v.algorithm, cases, ok: cases.every((c) => c.ok) };
}

export async function verifyPath(path: string, onFile?: (report: FileReport) => void): Promise<FileReport[]> {
  const { files, problem } = await filesAt(path, 'vectors');
  if (problem !== undefined) return [{ file: path, problem, cases: [], ok: false }];
  const reports: FileReport[] = [];
  for (const file of files) {
    const r = await verifyVectorFile(file);
    onFile?.(r);
    reports.push(r);
  }
  return reports;
}
