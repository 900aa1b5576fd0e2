// Secrets that tell party i the same (issue 16 §5): when the party learns a clear output or a declared
// reveal, its views may differ between secrets only through that, so the statistical mode compares a
// secret s with another secret s' of equal knowledge. s' is constructed from s and checked against the
// spec's reference, not searched for among random candidates (which almost never share a 64-bit output):
//   • re-splitting between two elements the party does not hold: s_i + d, s_j − d (a sum's output, split
//     another way), for d one unit, one fixed-point unit, or seeded;
//   • re-splitting a product: s_i·u, s_j·u⁻¹ for odd u (−1, 3, seeded);
//   • moving one element: s_i + d (an output that ignores it, or reveals only a bit of it).
// The first construction whose knowledge equals s's (and stays in the spec's domain) is taken.
import { ringMask } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import type { Shapes } from './instance-run.ts';
import type { Knowledge } from './knowledge.ts';
import { inverseOdd } from './relations/ring-arith.ts';

export type Clear = Record<string, BigUint64Array>;

export interface Resplit {
  readonly secret: Clear;
  /** The construction, in words. */
  readonly how: string;
}

/** At most this many element pairs are tried (the constructions are cheap; the reference may not be). */
const MAX_PAIRS = 64;

function inDomain(v: bigint, decl: InputDecl, domain: Domain | undefined, config: Config): boolean {
  if (decl.scale === 'bit') return v === 0n || v === 1n;
  if (domain === undefined || domain.kind === 'ring') return true;
  const x = Number(BigInt.asIntN(config.ell, v)) / (decl.scale === 'fixed' ? 2 ** config.f : 1);
  return x >= domain.min && x <= domain.max && !(domain.gap !== undefined && Math.abs(x) < domain.gap);
}

export function resplit(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  knowledge: Knowledge,
  s: Readonly<Clear>,
  seedWord: bigint,
): Resplit | undefined {
  const m = ringMask(config.ell);
  const domains = protocol.domain(config, shapes);
  const decls = new Map(protocol.inputs().map((d) => [d.name, d]));
  const unknown = protocol
    .inputs()
    .filter((d) => !knowledge.inputs.includes(d.name) && d.scale !== 'bit')
    .flatMap((d) => Array.from({ length: sizeOf(shapes[d.name]!) }, (_, t) => ({ input: d.name, t })));
  const target = knowledge.key(s);
  const fixedUnit = 1n << BigInt(config.f);
  const oddSeed = (seedWord | 1n) & m;
  const attempt = (
    changes: readonly { input: string; t: number; value: bigint }[],
    how: string,
  ): Resplit | undefined => {
    const next: Clear = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.slice()]));
    for (const c of changes) {
      const v = c.value & m;
      const decl = decls.get(c.input)!;
      if (v === s[c.input]![c.t] || !inDomain(v, decl, domains[c.input], config)) return undefined;
      next[c.input]![c.t] = v;
    }
    return knowledge.key(next) === target ? { secret: next, how } : undefined;
  };
  const pairs = unknown
    .flatMap((a, i) => unknown.slice(i + 1).map((b) => [a, b] as const))
    .slice(0, MAX_PAIRS);
  const name = (e: { input: string; t: number }): string => `${e.input}[${e.t}]`;
  for (const [a, b] of pairs) {
    const x = s[a.input]![a.t]!;
    const y = s[b.input]![b.t]!;
    for (const d of [1n, fixedUnit, seedWord & m]) {
      const r = attempt(
        [
          { ...a, value: x + d },
          { ...b, value: y - d },
        ],
        `${name(a)} + d, ${name(b)} − d`,
      );
      if (r !== undefined) return r;
    }
    for (const u of [m, 3n, oddSeed]) {
      const r = attempt(
        [
          { ...a, value: x * u },
          { ...b, value: y * (inverseOdd(u) & m) },
        ],
        `${name(a)}·u, ${name(b)}·u⁻¹`,
      );
      if (r !== undefined) return r;
    }
  }
  for (const a of unknown) {
    const x = s[a.input]![a.t]!;
    for (const d of [1n, fixedUnit, seedWord & m]) {
      const r = attempt([{ ...a, value: x + d }], `${name(a)} + d`);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}
