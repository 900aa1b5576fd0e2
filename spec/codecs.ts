// io-ts building blocks for protocol parameters.
import * as t from 'io-ts';

/** A safe integer (io-ts' Int, re-exported so specs need one import). */
export const Int = t.Int;

export const PartyIndex = t.Int;

/** A finite float64. */
export const Finite = t.refinement(t.number, Number.isFinite, 'Finite');

export const NoParams = t.type({});
export type NoParams = t.TypeOf<typeof NoParams>;
