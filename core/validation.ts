// io-ts at the boundaries (DESIGN.md, Style): decode into an fp-ts Either, and report the first
// failure as "<where> at <json path>: expected <type>, got <value>".
import { isLeft } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type ErrorKind, MpcspecError } from './errors.ts';

export function formatValidationError(e: t.ValidationError): string {
  const path = e.context
    .slice(1)
    .map((c) => c.key)
    .filter((k) => k !== '')
    .map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
    .join('');
  const expected = e.context[e.context.length - 1]?.type.name ?? 'value';
  const shown = JSON.stringify(e.value);
  return `${path === '' ? '$' : `$${path}`}: expected ${expected}, got ${shown === undefined ? 'nothing' : shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`;
}

/** Decode or throw an MpcspecError naming where the data came from and the JSON path of the failure. */
export function decodeOrThrow<A>(
  codec: t.Type<A, unknown>,
  value: unknown,
  where: string,
  kind: ErrorKind = 'input',
): A {
  const r = codec.decode(value);
  if (isLeft(r)) {
    const first = r.left[0];
    throw new MpcspecError(
      kind,
      `${where}: ${first === undefined ? 'invalid' : formatValidationError(first)}`,
    );
  }
  return r.right;
}
