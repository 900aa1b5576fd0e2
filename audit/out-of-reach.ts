// Why a protocol's views cannot be enumerated in a given ring (issue 4, exhaustive mode): a draw whose
// width the tape is not told (real-valued or full-word randomness), more hidden randomness than the
// budget, randomness that changes with the values. A usage error (exit 2 at the CLI); the automatic
// mode falls back to the statistical test on it.
import { MpcspecError } from '../core/errors.ts';

export class OutOfReach extends MpcspecError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'OutOfReach';
  }
}

export const outOfReach = (message: string): OutOfReach => new OutOfReach(message);
