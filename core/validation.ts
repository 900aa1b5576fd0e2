// io-ts at the boundaries (DESIGN.md, Style): decode into an fp-ts Either, and report the first
// failure as "<where> at <json path>: expected <type>, got <value>".
import { isLeft } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type ErrorKind, MpcspecError } from './errors.ts';

export function formatValidationError(e: t.ValidationError): string {
  // A key under a union or an intersection (or a recursion wrapping one) names the member tried, not a
  // place in the data.
  const isAlternative = (type: t.Decoder<unknown, unknown>): boolean => {
    const tag = (type as { _tag?: string })._tag;
    return (
      tag === 'UnionType' || tag === 'IntersectionType' || tag === 'RecursiveType' || tag === 'RefinementType'
    );
  };
  const path = e.context
    .filter((c, i) => i > 0 && c.key !== '' && !isAlternative(e.context[i - 1]!.type))
    .map((c) => (/^\d+$/.test(c.key) ? `[${c.key}]` : `.${c.key}`))
    .join('');
  const where = path === '' ? '$' : `$${path}`;
  // A codec that knows better than "expected <type>" says so in the error's message.
  if (e.message !== undefined) return `${where}: ${e.message}`;
  const expected = e.context[e.context.length - 1]?.type.name ?? 'value';
  return `${where}: expected ${expected}, got ${showValue(e.value)}`;
}

/**
 * A decoded value as the user wrote it, as far as JSON can tell: JSON.stringify would print an
 * overflowing number (1e400 parses to Infinity) as null.
 */
function showValue(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v))
    return Number.isNaN(v) ? 'NaN' : `${v} (a number beyond ±1.8e308, the largest a double holds)`;
  if (typeof v === 'bigint') return v.toString();
  const shown = JSON.stringify(v) ?? 'nothing';
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/**
 * JSON.parse's complaint on one line (V8 quotes the text around the fault, line breaks included), with
 * a hint when the text spells NaN or Infinity, for which JSON has no number.
 */
export function jsonSyntaxProblem(e: unknown, text: string): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\r?\n/g, '\\n');
  const spelled = /(^|[^"\w])-?(NaN|Infinity)\b/.test(text);
  return spelled ? `${message} (NaN and Infinity are not JSON numbers: every value must be finite)` : message;
}

/**
 * The most useful of io-ts' errors: the deepest (a union reports one error per member; the member that
 * got furthest says most), with the alternatives at that same place joined by "or".
 */
export function describeValidationErrors(errors: t.Errors): string {
  if (errors.length === 0) return 'invalid';
  const depth = Math.max(...errors.map((e) => e.context.length));
  const deepest = errors.filter((e) => e.context.length === depth);
  const first = formatValidationError(deepest[0]!);
  if (deepest[0]!.message !== undefined) return first;
  const place = first.slice(0, first.indexOf(': expected '));
  const alternatives = [
    ...new Set(deepest.map((e) => e.context[e.context.length - 1]?.type.name ?? 'value')),
  ];
  const shown = first.slice(first.indexOf(', got '));
  return `${place}: expected ${alternatives.join(' or ')}${shown}`;
}

/** Decode or throw an MpcspecError naming where the data came from and the JSON path of the failure. */
export function decodeOrThrow<A>(
  codec: t.Type<A, unknown>,
  value: unknown,
  where: string,
  kind: ErrorKind = 'input',
): A {
  const r = codec.decode(value);
  if (isLeft(r)) throw new MpcspecError(kind, `${where}: ${describeValidationErrors(r.left)}`);
  return r.right;
}
