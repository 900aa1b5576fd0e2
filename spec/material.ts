// Names of the kinds of dealer material (DESIGN.md, "Parties"): the spec's preprocessing counts and the
// dealer's tally use the same names.
export const BEAVER_TRIPLE = 'beaver-triple';
export const SQUARE_PAIR = 'square-pair';
export const MATMUL_TRIPLE = 'matmul-triple';
export const TRUNC_PAIR = 'trunc-pair';
