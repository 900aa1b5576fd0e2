// Blind mode on disk (issue 5 §5): `split` writes <name>.prompt.json and <name>.expected.json for every
// vector file at a path; `check` pairs expected files with response files by promptId and grades them.
// Unreadable or malformed files become reports with file, JSON path and reason; nothing unread passes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../format/canonical.ts';
import { EXPECTED_FILE_SCHEMA, RESPONSE_FILE_SCHEMA } from '../format/schemas.ts';
import { type FileProblem, loadJson, loadVectorFile } from '../verify/load.ts';
import { type FileReport, vectorFilesAt } from '../verify/verify-file.ts';
import type { ExpectedFileJson, ResponseFileJson } from './format.ts';
import { gradeResponses } from './check.ts';
import { promptIdOf, splitVectorFile } from './split.ts';

export async function splitPath(
  path: string,
  outDir: string,
): Promise<{ written: string[]; problems: FileProblem[] }> {
  const written: string[] = [];
  const problems: FileProblem[] = [];
  await mkdir(outDir, { recursive: true });
  for (const file of await vectorFilesAt(path)) {
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
      await writeFile(out, canonicalJson(doc));
      written.push(out);
    }
  }
  return { written, problems };
}

export async function checkPaths(expectedPath: string, responsesPath: string): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const responses = new Map<string, ResponseFileJson>();
  for (const file of await vectorFilesAt(responsesPath)) {
    const r = await loadJson<ResponseFileJson>(file, RESPONSE_FILE_SCHEMA);
    if (E.isLeft(r)) reports.push({ file, problem: r.left, cases: [], ok: false });
    else if (responses.has(r.right.promptId))
      reports.push({
        file,
        problem: { file, path: '$.promptId', reason: `a second responses file for '${r.right.promptId}'` },
        cases: [],
        ok: false,
      });
    else responses.set(r.right.promptId, r.right);
  }
  const expectedFiles = (await vectorFilesAt(expectedPath)).filter(
    (f) => f === expectedPath || f.endsWith('.expected.json'),
  );
  for (const file of expectedFiles) {
    const e = await loadJson<ExpectedFileJson>(file, EXPECTED_FILE_SCHEMA);
    if (E.isLeft(e)) {
      reports.push({ file, problem: e.left, cases: [], ok: false });
      continue;
    }
    const cases = gradeResponses(e.right, responses.get(e.right.promptId));
    reports.push({
      file,
      algorithm: e.right.algorithm,
      cases,
      ok: cases.length > 0 && cases.every((c) => c.ok),
    });
  }
  return reports;
}
