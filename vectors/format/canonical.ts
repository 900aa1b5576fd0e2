// The canonical text of a vector file (issue 5 §3: byte-identical on regeneration): keys in the order the
// generator builds them, two-space indentation, arrays and objects kept on one line when they fit in 160
// columns (json-stringify-pretty-compact), one trailing newline. Readers need not reproduce it: any JSON
// parser reads the files; only the generator's own output must be stable.
import stringify from 'json-stringify-pretty-compact';

export const canonicalJson = (value: unknown): string =>
  `${stringify(value, { indent: 2, maxLength: 160 })}\n`;
