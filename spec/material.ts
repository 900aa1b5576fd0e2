// Names of the kinds of dealer material (DESIGN.md, "Parties"): the spec's preprocessing counts and the
// dealer's tally use the same names.
export const BEAVER_TRIPLE = 'beaver-triple';
export const SQUARE_PAIR = 'square-pair';
export const MATMUL_TRIPLE = 'matmul-triple';
/**
 * A Beaver triple for a product whose second operand has one value per row (CrypTen's broadcasting
 * `mul`): a of the tensor's shape, b one per row, c = a·b broadcast; one item per element.
 */
export const ROW_TRIPLE = 'row-triple';
/**
 * The same for a second operand with one value per feature (the last axis's position; LayerNorm's γ):
 * a of the tensor's shape, b of shape [n], c = a·b broadcast over the rows; one item per element.
 */
export const FEATURE_TRIPLE = 'feature-triple';
export const TRUNC_PAIR = 'trunc-pair';
// Boolean and mixed material (spec/comparison/, runtime/material/boolean.ts). Items count gates or bits.
/** Boolean Beaver triple a, b, c = a ∧ b (XOR-shared); one item per AND gate (bit). */
export const AND_TRIPLE = 'and-triple';
/** A random bit r shared both as XOR and in Z_2^ℓ (a "daBit"); one item per bit. */
export const DABIT = 'dabit';
/** Bits a, b XOR-shared together with a, b and a·b shared in Z_2^ℓ (one AND gate with arithmetic output). */
export const B2A_AND_TRIPLE = 'b2a-and-triple';
/** Default-schedule comparison mask: r in Z_2^ℓ and XOR-shared lookup tables of r's chunks (per element). */
export const LTZ_TABLES = 'ltz-tables';
/** Default-schedule equality mask: r in Z_2^ℓ and XOR-shared equality tables of r's chunks (per element). */
export const EQZ_TABLES = 'eqz-tables';
/** Trig mask (ALGORITHMS.md §3, secure sine): t and sin(2πk·t/P), cos(2πk·t/P) for each frequency k. */
export const TRIG_MASK = 'trig-mask';
