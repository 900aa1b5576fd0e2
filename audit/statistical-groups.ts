// The secrets of the statistical mode (issue 4 §3): groups of instances that share a secret — every
// secret input at its domain's low edge, at its high edge, and (when nothing the party may know depends
// on the secret) a group of fresh uniform secrets from the domain. Inputs the audited party holds in the
// clear, and public ones, take one seeded value in every group. When the party learns an output or a
// declared value, two secrets that reveal the same to it are searched among edges and seeded samples.
import { encodeScalar } from '../core/fixed.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { ringMask } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import type { Shapes } from './instance-run.ts';
import { knownTo } from './secret-space.ts';

export interface SecretGroup {
  readonly name: string;
  /** Instance b's clear inputs (b counts within the group). */
  readonly values: (b: number) => Readonly<Record<string, BigUint64Array>>;
  readonly describe: string;
}

type Clear = Record<string, BigUint64Array>;

function edge(decl: InputDecl, domain: Domain | undefined, config: Config, high: boolean): bigint {
  if (decl.scale === 'bit') return high ? 1n : 0n;
  if (domain === undefined || domain.kind === 'ring') return high ? ringMask(config.ell) : 0n;
  const v = high ? domain.max : domain.min;
  const scaled = decl.scale === 'fixed' ? encodeScalar(v, config, decl.name) : BigInt(Math.round(v));
  return scaled & ringMask(config.ell);
}

function uniform(decl: InputDecl, domain: Domain | undefined, config: Config, word: bigint): bigint {
  if (decl.scale === 'bit') return word & 1n;
  if (domain === undefined || domain.kind === 'ring') return word & ringMask(config.ell);
  const u = Number(word >> 11n) / 2 ** 53;
  const v = domain.min + u * (domain.max - domain.min);
  const scaled = decl.scale === 'fixed' ? encodeScalar(v, config, decl.name) : BigInt(Math.round(v));
  return scaled & ringMask(config.ell);
}

export function secretGroups(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  shapes: Shapes,
  seed: bigint,
): SecretGroup[] | undefined {
  const domains = protocol.domain(config, shapes);
  const decls = protocol.inputs();
  const isOwn = (d: InputDecl): boolean =>
    d.holder === 'public' || (d.holder === 'owner' && (d.owner ?? 0) === party);
  const root = rootKey(seed);
  const words = (label: string, n: number): BigUint64Array =>
    chachaWords(deriveKey(root, `audit/groups/${label}`), n);
  const fixed = (label: string, pick: (d: InputDecl, w: bigint) => bigint): Clear =>
    Object.fromEntries(
      decls.map((d) => {
        const n = sizeOf(shapes[d.name]!);
        const w = words(`${label}/${d.name}`, n);
        const own = words(`own/${d.name}`, n);
        return [
          d.name,
          w.map((x, t) => (isOwn(d) ? uniform(d, domains[d.name], config, own[t]!) : pick(d, x))),
        ];
      }),
    );
  const low = fixed('low', (d) => edge(d, domains[d.name], config, false));
  const high = fixed('high', (d) => edge(d, domains[d.name], config, true));
  const show = (c: Clear): string =>
    Object.entries(c)
      .map(([k, v]) => `${k} = [${[...v].map((x) => BigInt.asIntN(config.ell, x).toString()).join(', ')}]`)
      .join(', ');
  const constant = (name: string, c: Clear): SecretGroup => ({ name, values: () => c, describe: show(c) });
  const known = knownTo(protocol, config, party, shapes);
  const revealing =
    known !== undefined &&
    (protocol.outputs().some((o) => o.delivery === 'clear') || protocol.privacy().reveals !== undefined);
  if (!revealing)
    return [
      constant('low edge', low),
      constant('high edge', high),
      {
        name: 'uniform',
        describe: 'a fresh uniform secret per run, from the domain',
        values: (b) => fixed(`uniform/${b}`, (d, w) => uniform(d, domains[d.name], config, w)),
      },
    ];
  const candidates: [string, Clear][] = [
    ['low edge', low],
    ['high edge', high],
    ...Array.from({ length: 16 }, (_, k): [string, Clear] => [
      `sample ${k}`,
      fixed(`candidate/${k}`, (d, w) => uniform(d, domains[d.name], config, w)),
    ]),
  ];
  const keyed = candidates.map(([n, c]) => [n, c, known(c)] as const);
  for (let i = 0; i < keyed.length; i++)
    for (let j = i + 1; j < keyed.length; j++)
      if (keyed[i]![2] === keyed[j]![2] && show(keyed[i]![1]) !== show(keyed[j]![1]))
        return [constant(keyed[i]![0], keyed[i]![1]), constant(keyed[j]![0], keyed[j]![1])];
  return undefined;
}
