// The secrets of the statistical mode (issue 4 §3, issue 16 §5): groups of instances that share a
// secret. When the party learns nothing computed from the secrets: every secret input at its domain's
// low edge, at its high edge, and a fresh uniform secret per run, every two groups compared. Inputs the
// audited party holds in the clear, and public ones, take one seeded value in every group. When the party
// learns an output or a declared value: pairs of secrets of equal knowledge, each base (low edge, high
// edge, a seeded sample) against one constructed from it (equal-knowledge.ts), compared within pairs.
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { sizeOf } from '../core/shape.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { InputDecl } from '../spec/types.ts';
import { type Clear, resplit } from './equal-knowledge.ts';
import type { Shapes } from './instance-run.ts';
import { knowledgeOf } from './knowledge.ts';
import { edgeValue, uniformValue } from './secret-values.ts';

export interface SecretGroup {
  readonly name: string;
  /** The clear inputs of the group's `runs` instances, each input's instances one after another. */
  readonly values: (runs: number) => Readonly<Record<string, BigUint64Array>>;
  readonly describe: string;
}

/** `runs` copies of one instance's inputs. */
const repeated = (c: Clear, runs: number): Clear =>
  Object.fromEntries(
    Object.entries(c).map(([k, v]) => {
      const out = new BigUint64Array(v.length * runs);
      for (let b = 0; b < runs; b++) out.set(v, b * v.length);
      return [k, out];
    }),
  );

export type GroupPlan =
  | {
      readonly kind: 'groups';
      readonly groups: readonly SecretGroup[];
      readonly comparisons: readonly (readonly [number, number])[];
    }
  | { readonly kind: 'trivial'; readonly why: string }
  | { readonly kind: 'none'; readonly why: string };

export function secretGroups(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  shapes: Shapes,
  seed: bigint,
): GroupPlan {
  const domains = protocol.domain(config, shapes);
  const decls = protocol.inputs();
  const knowledge = knowledgeOf(protocol, config, party, shapes);
  const isOwn = (d: InputDecl): boolean => knowledge.inputs.includes(d.name);
  if (decls.every(isOwn)) return { kind: 'trivial', why: 'the party holds every input in the clear' };
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
          w.map((x, t) => (isOwn(d) ? uniformValue(d, domains[d.name], config, own[t]!) : pick(d, x))),
        ];
      }),
    );
  const low = fixed('low', (d) => edgeValue(d, domains[d.name], config, false));
  const high = fixed('high', (d) => edgeValue(d, domains[d.name], config, true));
  const show = (c: Clear): string =>
    Object.entries(c)
      .map(([k, v]) => `${k} = [${[...v].map((x) => BigInt.asIntN(config.ell, x).toString()).join(', ')}]`)
      .join(', ');
  const constant = (name: string, c: Clear): SecretGroup => ({
    name,
    values: (runs) => repeated(c, runs),
    describe: show(c),
  });
  // a fresh uniform secret per run (one stream per input for the whole group); held inputs stay fixed
  const uniformRuns = (runs: number): Clear =>
    Object.fromEntries(
      decls.map((d) => {
        const held = low[d.name]!;
        if (isOwn(d)) return [d.name, repeated({ v: held }, runs)['v']!];
        const w = words(`uniform/${d.name}`, runs * held.length);
        return [d.name, w.map((x) => uniformValue(d, domains[d.name], config, x))];
      }),
    );
  if (!knowledge.learns) {
    const groups = [
      constant('low edge', low),
      constant('high edge', high),
      {
        name: 'uniform',
        describe: 'a fresh uniform secret per run, from the domain',
        values: uniformRuns,
      },
    ];
    return {
      kind: 'groups',
      groups,
      comparisons: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    };
  }
  const bases: [string, Clear][] = [
    ['low edge', low],
    ['high edge', high],
    ['sample', fixed('sample', (d, w) => uniformValue(d, domains[d.name], config, w))],
  ];
  const groups: SecretGroup[] = [];
  const comparisons: [number, number][] = [];
  bases.forEach(([name, base], k) => {
    const other = resplit(protocol, config, shapes, knowledge, base, words(`resplit/${k}`, 1)[0]!);
    if (other === undefined) return;
    comparisons.push([groups.length, groups.length + 1]);
    groups.push(constant(name, base), constant(`${name}, re-split (${other.how})`, other.secret));
  });
  if (groups.length > 0) return { kind: 'groups', groups, comparisons };
  return {
    kind: 'none',
    why: `no two secrets that reveal the same to party ${party} (${[...knowledge.outputs.map((o) => `output ${o}`), ...(knowledge.reveals === undefined ? [] : [knowledge.reveals])].join(', ')}) could be constructed`,
  };
}
