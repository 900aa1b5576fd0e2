// Parsers for options several commands share, each failing with a usage error naming the option.
import { Option } from 'commander';
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
