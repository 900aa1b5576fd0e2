// Blind mode on disk (issue 5 §5): `split` writes <name>.prompt.json and <name>.expected.json for every
// vector file at a path; `check` pairs expected files with response files by promptId and grades them.
// Unreadable or malformed files become reports with file, JSON path and reason; nothing unread passes.
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { makeOutputDirectory, writeOutputFile } from '../../core/output-files.ts';
import { canonicalJson } from '../format/canonical.ts';
import { EXPECTED_FILE_SCHEMA, RESPONSE_FILE_SCHEMA } from '../format/schemas.ts';
import { type FileProblem, loadJson, loadVectorFile } from '../verify/load.ts';
import { filesAt } from '../verify/files-at.ts';
import type { FileReport } from '../verify/verify-file.ts';
import type { ExpectedFileJson, ResponseFileJson } from './format.ts';
import { gradeResponses } from './check.ts';
import { promptIdOf, splitVectorFile } from './split.ts';

export async function splitPath(
  path: string,
  outDir: string,
): Promise<{ written: string[]; problems: FileProblem[] }> {
  const written: string[] = [];
  const problems: FileProblem[] = [];
  const { files, problem } = await filesAt(path, 'vectors');
  if (problem !== undefined) return { written, problems: [problem] };
  await makeOutputDirectory(outDir);
  for (const file of files) {
    const loaded = await loadVectorFile(file);
    if (E.isLeft(loaded)) {
      problems.push(loaded.left);
      continue;
    }
    const id = promptIdOf(file);
    const { prompt, expected } = splitVectorFile(loaded.right, id);
    for (const [suffix, doc] of [
      ['prompt', prompt],
      ['expected', expected],
    ] as const) {
      const out = join(outDir, `${id}.${suffix}.json`);
      await writeOutputFile(out, canonicalJson(doc));
      written.push(out);
    }
  }
  return { written, problems };
}

export async function checkPaths(expectedPath: string, responsesPath: string): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  /** Responses by promptId, with the file each came from. */
  const responses = new Map<string, { readonly json: ResponseFileJson; readonly file: string }>();
  const answered = new Set<string>();
  const responseFiles = await filesAt(responsesPath, 'responses');
  if (responseFiles.problem !== undefined)
    reports.push({ file: responsesPath, problem: responseFiles.problem, cases: [], ok: false });
  for (const file of responseFiles.files) {
    const r = await loadJson<ResponseFileJson>(file, RESPONSE_FILE_SCHEMA);
    if (E.isLeft(r)) reports.push({ file, problem: r.left, cases: [], ok: false });
    else if (responses.has(r.right.promptId))
      reports.push({
        file,
        problem: { file, path: '$.promptId', reason: `a second responses file for '${r.right.promptId}'` },
        cases: [],
        ok: false,
      });
    else responses.set(r.right.promptId, { json: r.right, file });
  }
  const expectedFiles = await filesAt(expectedPath, 'expected');
  if (expectedFiles.problem !== undefined)
    reports.push({ file: expectedPath, problem: expectedFiles.problem, cases: [], ok: false });
  for (const file of expectedFiles.files) {
    const e = await loadJson<ExpectedFileJson>(file, EXPECTED_FILE_SCHEMA);
    if (E.isLeft(e)) {
      reports.push({ file, problem: e.left, cases: [], ok: false });
      continue;
    }
    const cases = gradeResponses(e.right, responses.get(e.right.promptId)?.json);
    answered.add(e.right.promptId);
    reports.push({
      file,
      algorithm: e.right.algorithm,
      cases,
      ok: cases.length > 0 && cases.every((c) => c.ok),
    });
  }
  for (const [promptId, { file }] of responses)
    if (!answered.has(promptId))
      reports.push({
        file,
        problem: { file, path: '$.promptId', reason: `'${promptId}' matches no expected-answers file` },
        cases: [],
        ok: false,
      });
  return reports;
}
