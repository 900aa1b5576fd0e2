// Parsers for options several commands share, each failing with a usage error naming the option.
import { usageError } from '../core/errors.ts';
import { parseSeed } from '../core/prg.ts';

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

export function parseJsonObjectOption(name: string): (value: string) => Record<string, unknown> {
  return (value) => {
    let v: unknown;
    try {
      v = JSON.parse(value);
    } catch {
      throw usageError(`--${name}: '${value}' is not JSON; give an object such as '{"c": 0.5}'`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw usageError(`--${name}: expected a JSON object, got ${value}`);
    return v as Record<string, unknown>;
  };
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
