// The fixed-point arithmetic steps on shares, in one place (ALGORITHMS.md §1): what every composite
// protocol is written in. The same names, with the same meaning, are the cleartext steps in
// reference/arithmetic/fixed-point.ts and the tracked error model in spec/arithmetic/tracked.ts.
//   mulRaw      ⟨a·b⟩ at scale 2^(2f), one Beaver product, no truncation (for 0/1 or integer operands,
//               or to fold the truncation into a later one)
//   mulFixed    ⟨⌊a·b / 2^f⌋⟩: mulRaw, then the configured truncation
//   mulFixedBatch  independent products opened in one message and truncated together
//   mulRawBatch    independent raw products opened in one message (no truncation)
//   squareRaw, squareFixed   the same for a² with a square pair (half the opening of a product)
//   truncBits   ⟨⌊a / 2^k⌋⟩ by the configured truncation method
//   divInt      ⟨⌊a / d⌋⟩ for a public integer d, by the same method (a row mean)
//   addConst, mulConst, mulInt   public constants
//   mulConstSum ⌊Σ enc(vᵢ)·aᵢ / 2^f⌋: a public linear combination, truncated once
export { mulFixed, mulFixedBatch, mulRaw, mulRawBatch } from './mul.ts';
export { squareFixed, squareRaw } from './square.ts';
export { truncBits } from './truncate.ts';
export { divInt } from './divide.ts';
export { addConst, mulConst, mulConstSum, mulInt } from './public-constant.ts';
