// Parsers for options several commands share, each failing with a usage error naming the option.
import { Option } from 'commander';
import { usageError } from '../core/errors.ts';
import { parseSeed } from '../core/prg.ts';
import { jsonSyntaxProblem } from '../core/validation.ts';
import { defaultMemoryBudget, gib } from '../harness/memory-estimate.ts';

/** A value a user typed, on one line (an error message is one line). */
const oneLine = (value: string): string => value.replace(/\r?\n/g, '\\n');

export function parseIntOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const v = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
      throw usageError(`--${name}: '${value}' is not an integer from ${min} to ${max}`);
    }
    return v;
  };
}

export const parseSeedOption = (value: string): bigint => parseSeed(value, '--seed');

/**
 * `--seed <s>`, with its default shown in --help as a decimal (commander prints defaults with
 * JSON.stringify, which cannot write a bigint).
 */
export function seedOption(description: string, fallback?: bigint): Option {
  const option = new Option('--seed <s>', description).argParser(parseSeedOption);
  return fallback === undefined ? option : option.default(fallback, fallback.toString());
}

export function parseJsonObjectOption(name: string): (value: string) => Record<string, unknown> {
  return (value) => {
    let v: unknown;
    try {
      v = JSON.parse(value);
    } catch (e) {
      throw usageError(
        `--${name}: '${oneLine(value)}' is not JSON (${jsonSyntaxProblem(e, value)}); give an object such as '{"c": 0.5}'`,
      );
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw usageError(`--${name}: expected a JSON object, got ${oneLine(value)}`);
    return v as Record<string, unknown>;
  };
}

/**
 * A comma-separated list with at least one entry (`--only mul,trunc`), each entry parsed by `item`; an
 * empty list is a usage error, never a run that selects nothing.
 */
export function parseListOption<T = string>(
  name: string,
  example: string,
  item: (value: string) => T = (v) => v as T,
): (value: string) => T[] {
  return (value) => {
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (entries.length === 0)
      throw usageError(`--${name}: '${value}' names nothing; give a comma-separated list such as ${example}`);
    return [...new Set(entries)].map(item);
  };
}

/**
 * `--max-memory <GiB>`: the most a run may use, in GiB; a run estimated to need more is refused before it
 * starts (harness/memory-estimate.ts). The value is in bytes; the default is the harness's.
 */
export function maxMemoryOption(): Option {
  return new Option('--max-memory <GiB>', 'refuse a run estimated to need more memory than this')
    .argParser((value) => {
      const v = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(v > 0))
        throw usageError(`--max-memory: '${value}' is not a positive number of GiB, e.g. 8 or 0.5`);
      return v * 2 ** 30;
    })
    .default(defaultMemoryBudget(), `${gib(defaultMemoryBudget())}: half the memory, or of the ulimit -v`);
}

/** `--transport memory|tcp` (docs/parties.md); `tcp` says what one OS process per party means here. */
export function transportOption(tcp: string): Option {
  return new Option('--transport <kind>', `memory (all parties in this process) or tcp (${tcp})`)
    .argParser(parseChoiceOption('transport', ['memory', 'tcp'] as const))
    .default('memory');
}

/** `--timeout <ms>`: how long a party of a tcp run may stay silent before the run fails (exit 3). */
export function silenceTimeoutOption(): Option {
  return new Option(
    '--timeout <ms>',
    'tcp: how long a party may stay silent (no message, no heartbeat) before the run fails (exit 3)',
  )
    .argParser(parseIntOption('timeout', 100, 600_000))
    .default(20_000);
}

/** One of a fixed set of words, or a usage error listing them. */
export function parseChoiceOption<T extends string>(
  name: string,
  choices: readonly T[],
): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value))
      throw usageError(`--${name}: '${value}' is not one of ${choices.join(', ')}`);
    return value as T;
  };
}

/** One shape such as 12x128x128 (positive integers joined by x). */
function parseShape(text: string, what: string): number[] {
  const dims = text.split('x').map((d) => d.trim());
  if (
    dims.length === 0 ||
    dims.some((d) => !/^\d+$/.test(d) || Number(d) < 1 || !Number.isSafeInteger(Number(d)))
  )
    throw usageError(
      `${what}: '${text}' is not a shape; write positive integers joined by x, e.g. 12x128x128`,
    );
  const shape = dims.map(Number);
  const elements = shape.reduce((a, d) => a * d, 1);
  if (elements > MAX_SHAPE_ELEMENTS)
    throw usageError(`${what}: ${text} has ${elements} elements; at most ${MAX_SHAPE_ELEMENTS} per input`);
  return shape;
}

/** The most elements one input may have (as --size). */
export const MAX_SHAPE_ELEMENTS = 10_000_000;

/**
 * `--shape 12x128x128` (the first input's shape; the spec derives the others) or
 * `--shape x=4x8,y=8x2` (a shape per input by name).
 */
export function parseShapeOption(value: string): number[] | Record<string, number[]> {
  const v = value.trim();
  if (!v.includes('=')) return parseShape(v, '--shape');
  const named: Record<string, number[]> = {};
  for (const part of v.split(',')) {
    const [name, dims, ...rest] = part.split('=');
    if (name === undefined || dims === undefined || rest.length > 0 || name.trim() === '')
      throw usageError(`--shape: '${part}' is not name=shape, e.g. x=4x8`);
    named[name.trim()] = parseShape(dims, `--shape ${name.trim()}`);
  }
  return named;
}
