// Writing output files (vector files, schemas, blind-mode prompts): an output directory that cannot be
// made — a file of that name exists, a parent is a file, no permission — or a file that cannot be
// written is an input error naming the path and the reason on one line, never a stack trace.
import { mkdir, writeFile } from 'node:fs/promises';
import { inputError } from './errors.ts';

const reasonOf = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file of that name (or of a parent) is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
};

export async function makeOutputDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw inputError(`cannot create the output directory '${dir}': ${reasonOf(e)}`);
  }
}

export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw inputError(`cannot write '${path}': ${reasonOf(e)}`);
  }
}
