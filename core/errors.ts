// Errors a user can act on (DESIGN.md, Style): each says what was wrong and where.
// `kind` lets the CLI map user mistakes to exit code 2, and a peer's fault in a multi-process run to 3,
// and print one line, no stack.

export type ErrorKind =
  | 'usage' // bad CLI argument, unknown id or profile
  | 'input' // bad input values, shapes or files
  | 'domain' // a value outside a protocol's declared domain
  | 'runtime' // protocol misuse at run time: recv without send, label mismatch, bad party id
  | 'fault' // a peer failed the run: died, fell silent, sent a malformed frame, or could not authenticate
  | 'internal'; // a bug in mpcspec itself

export class MpcspecError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MpcspecError';
  }
}

export const usageError = (message: string): MpcspecError => new MpcspecError('usage', message);
export const inputError = (message: string): MpcspecError => new MpcspecError('input', message);
export const domainError = (message: string): MpcspecError => new MpcspecError('domain', message);
export const runtimeError = (message: string): MpcspecError => new MpcspecError('runtime', message);
export const faultError = (message: string): MpcspecError => new MpcspecError('fault', message);
