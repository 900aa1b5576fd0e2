// Generating every vector file (issue 5 §3): one file per registered protocol and profile, straight from
// the registry, so a newly registered protocol gets vectors with no new code. Output is canonical text;
// writing replaces the files and removes stale vector files of protocols no longer registered.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../../core/errors.ts';
import { makeOutputDirectory, writeOutputFile } from '../../core/output-files.ts';
import { REGISTRY, type RegisteredProtocol } from '../../registry/index.ts';
import { PROFILES } from '../../spec/profile.ts';
import { canonicalJson } from '../format/canonical.ts';
import { SCHEMA_FILES } from '../format/schemas.ts';
import { SCHEMA_NAME } from '../format/vector-file.ts';
import { generateFile } from './generate-file.ts';

export interface GeneratedText {
  readonly name: string;
  readonly text: string;
  readonly tests: number;
  readonly flags: Readonly<Record<string, number>>;
}

export interface Generation {
  readonly files: readonly GeneratedText[];
  readonly problems: readonly string[];
}

export interface GenerateOptions {
  /** Protocol ids to generate; all registered protocols when absent. */
  readonly only?: readonly string[];
  readonly onProgress?: (done: number, total: number, current: string) => void;
}

function selectProtocols(only: readonly string[] | undefined): RegisteredProtocol[] {
  if (only === undefined) return [...REGISTRY];
  const unknown = only.filter((id) => !REGISTRY.some((p) => p.id === id));
  if (unknown.length > 0)
    throw usageError(`--only: unknown protocol '${unknown[0]}'; run 'mpcspec list' for the registered ids`);
  return REGISTRY.filter((p) => only.includes(p.id));
}

export async function generateVectors(options: GenerateOptions = {}): Promise<Generation> {
  const protocols = selectProtocols(options.only);
  const jobs = protocols.flatMap((reg) => PROFILES.map((p) => ({ reg, profile: p.name })));
  const files: GeneratedText[] = [];
  const problems: string[] = [];
  for (const [i, { reg, profile }] of jobs.entries()) {
    options.onProgress?.(i, jobs.length, `${reg.id} (${profile})`);
    const g = await generateFile(reg, profile);
    const flags: Record<string, number> = {};
    for (const group of g.file.testGroups)
      for (const test of group.tests) for (const f of test.flags) flags[f] = (flags[f] ?? 0) + 1;
    files.push({ name: g.name, text: canonicalJson(g.file), tests: g.file.numberOfTests, flags });
    problems.push(...g.problems);
  }
  options.onProgress?.(jobs.length, jobs.length, 'done');
  return { files, problems };
}

/** Is this file one of ours (so a full regeneration may remove it when its protocol is gone)? */
async function isVectorFile(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.includes(`"schema": "${SCHEMA_NAME}"`);
}

/** Write the files; on a full regeneration also remove vector files nothing generated. */
export async function writeVectors(
  dir: string,
  generation: Generation,
  full: boolean,
): Promise<{ written: number; removed: string[] }> {
  await makeOutputDirectory(dir);
  for (const f of generation.files) await writeOutputFile(join(dir, f.name), f.text);
  const removed: string[] = [];
  if (full) {
    const keep = new Set(generation.files.map((f) => f.name));
    for (const name of (await readdir(dir)).sort()) {
      if (!name.endsWith('.json') || keep.has(name)) continue;
      if (await isVectorFile(join(dir, name))) {
        await unlink(join(dir, name));
        removed.push(name);
      }
    }
  }
  return { written: generation.files.length, removed };
}

/** Write the JSON Schemas exported from the format codecs. */
export async function writeSchemas(dir: string): Promise<string[]> {
  await makeOutputDirectory(dir);
  const written: string[] = [];
  for (const s of SCHEMA_FILES) {
    await writeOutputFile(join(dir, s.name), canonicalJson(s.document));
    written.push(s.name);
  }
  return written;
}
