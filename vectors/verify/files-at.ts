// Which files a path names (issue 5 §4, issue 15): the file itself, or every file of the kind under a
// directory, subdirectories included, sorted — so `mpcspec vectors verify vectors` finds vectors/data.
// Kinds go by name: vector files are the .json files that are not blind-mode prompts or expected answers
// (<name>.prompt.json, <name>.expected.json) or JSON Schemas (<name>.schema.json). A directory holding
// none is a problem with a reason, never an empty run that passes.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileProblem } from './load.ts';

export type FileKind = 'vectors' | 'expected' | 'responses';

const BLIND_OR_SCHEMA = /\.(prompt|expected|schema)\.json$/;
const KINDS: Record<FileKind, { readonly matches: (name: string) => boolean; readonly what: string }> = {
  vectors: {
    matches: (n) => n.endsWith('.json') && !BLIND_OR_SCHEMA.test(n),
    what: 'vector file (*.json other than *.prompt.json, *.expected.json, *.schema.json)',
  },
  expected: { matches: (n) => n.endsWith('.expected.json'), what: 'expected-answers file (*.expected.json)' },
  responses: {
    matches: (n) => n.endsWith('.json') && !BLIND_OR_SCHEMA.test(n),
    what: 'responses file (*.json other than *.prompt.json, *.expected.json, *.schema.json)',
  },
};

async function walk(dir: string, kind: FileKind): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path, kind)));
    else if (KINDS[kind].matches(entry.name)) found.push(path);
  }
  return found;
}

export interface FilesAt {
  readonly files: readonly string[];
  /** Set when a directory holds no file of the kind. */
  readonly problem?: FileProblem;
}

export async function filesAt(path: string, kind: FileKind): Promise<FilesAt> {
  const s = await stat(path).catch(() => undefined);
  if (s === undefined || !s.isDirectory()) return { files: [path] };
  const files = (await walk(path, kind)).sort();
  if (files.length > 0) return { files };
  return {
    files,
    problem: { file: path, path: '$', reason: `no ${KINDS[kind].what} in this directory or below it` },
  };
}
