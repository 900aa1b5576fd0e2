// `vectors check --expected E --responses R` (issue 5 §5): grades a backend's responses. A response passes
// when every output is within the spec's implementation bound of the reference (ulps, or a truncation
// wrap by a multiple of the wrap modulus), its output shares (if given) recombine to its outputs, and its
// measured cost (if given) equals the spec's exactly. Output shares equal to ours mark a bit-exact replay.
import { checkImplementation } from '../../harness/compare.ts';
import type { Bounds } from '../../spec/types.ts';
import { floatFromJson } from '../format/primitives.ts';
import { ringFromJson } from '../format/tensor.ts';
import { sumAll } from '../../core/ring-ops.ts';
import type { ExpectedFileJson, ExpectedTestJson, ResponseFileJson, ResponseJson } from './format.ts';
import type { CaseCheck } from '../verify/verify-file.ts';

type ExpectedGroup = ExpectedFileJson['testGroups'][number];

const boundsFromJson = (b: ExpectedGroup['bounds']): Bounds => ({
  implementationUlps: b.implementationUlps,
  approximation: { abs: floatFromJson(b.approximation.abs), rel: floatFromJson(b.approximation.rel) },
  ...(b.wrap === undefined
    ? {}
    : {
        wrap: {
          probability: floatFromJson(b.wrap.probability),
          modulus: BigInt(b.wrap.modulus),
          ...(b.wrap.rowProbability === undefined
            ? {}
            : { rowProbability: floatFromJson(b.wrap.rowProbability) }),
        },
      }),
});

/** Why a response fails, or undefined; `replayed` tells whether the output shares are ours exactly. */
function gradeResponse(
  group: ExpectedGroup,
  test: ExpectedTestJson,
  r: ResponseJson,
  where: string,
): { failure?: string; replayed: boolean } {
  const bounds = boundsFromJson(group.bounds);
  for (const decl of group.outputs) {
    const given = r.outputs[decl.name];
    if (given === undefined)
      return { failure: `${where}.outputs: no output '${decl.name}'`, replayed: false };
    const out = ringFromJson(given, `${where}.outputs.${decl.name}`, group.ell);
    const ref = ringFromJson(test.expected.reference[decl.name]!, 'expected reference', group.ell);
    if (out.data.length !== ref.data.length)
      return {
        failure: `${where}.outputs.${decl.name}: ${out.data.length} elements, expected ${ref.data.length}`,
        replayed: false,
      };
    const v = checkImplementation(out, ref, bounds).firstViolation;
    if (v !== undefined)
      return {
        failure: `${where}.outputs.${decl.name}: element ${v.index} is ${v.ulps} ulps from the reference (bound ${bounds.implementationUlps})`,
        replayed: false,
      };
    if (decl.delivery === 'shared' && r.outputShares !== undefined) {
      const texts = r.outputShares.map((s) => s[decl.name]);
      if (texts.some((s) => s === undefined))
        return {
          failure: `${where}.outputShares: a party gives no share of '${decl.name}'`,
          replayed: false,
        };
      const shares = texts.map((s, i) =>
        ringFromJson(s!, `${where}.outputShares[${i}].${decl.name}`, group.ell),
      );
      const sum = sumAll(decl.name, shares);
      if (!sum.data.every((x, i) => x === out.data[i]))
        return {
          failure: `${where}.outputShares: the shares of '${decl.name}' do not sum to the output`,
          replayed: false,
        };
    }
  }
  if (r.cost !== undefined) {
    if (r.cost.rounds !== group.cost.rounds)
      return {
        failure: `${where}.cost.rounds: ${r.cost.rounds}, the spec says ${group.cost.rounds}`,
        replayed: false,
      };
    if (
      !r.cost.bitsSent.every((b, i) => b === group.cost.bitsSent[i]) ||
      r.cost.bitsSent.length !== group.cost.bitsSent.length
    )
      return {
        failure: `${where}.cost.bitsSent: [${r.cost.bitsSent.join(', ')}], the spec says [${group.cost.bitsSent.join(', ')}]`,
        replayed: false,
      };
  }
  const given = r.outputShares;
  const replayed =
    given !== undefined &&
    given.length === test.outputShares.length &&
    test.outputShares.every((s, i) => Object.entries(s).every(([k, v]) => given[i]![k] === v));
  return { replayed };
}

/**
 * One verdict per tcId of the prompt, plus one per response to a tcId it does not have. A tcId answered
 * more than once fails whatever the answers say: grading only one of them (the last, say) would let a
 * backend answer wrong, then right, and pass.
 */
export function gradeResponses(
  expected: ExpectedFileJson,
  responses: ResponseFileJson | undefined,
): CaseCheck[] {
  const byId = new Map<number, { r: ResponseJson; i: number }[]>();
  (responses?.responses ?? []).forEach((r, i) => byId.set(r.tcId, [...(byId.get(r.tcId) ?? []), { r, i }]));
  const graded = expected.testGroups.flatMap((group) =>
    group.tests.map((test): CaseCheck => {
      const base = { tcId: test.tcId, result: test.result, flags: test.flags };
      const found = byId.get(test.tcId) ?? [];
      byId.delete(test.tcId);
      if (found.length === 0)
        return {
          ...base,
          ok: false,
          detail:
            responses === undefined
              ? `no responses file for '${expected.promptId}'`
              : 'no response for this tcId',
        };
      if (found.length > 1)
        return {
          ...base,
          ok: false,
          detail: `answered ${found.length} times (${found.map((f) => `$.responses[${f.i}]`).join(', ')}); each tcId is answered once`,
        };
      const { r, i } = found[0]!;
      try {
        const g = gradeResponse(group, test, r, `$.responses[${i}]`);
        if (g.failure !== undefined) return { ...base, ok: false, detail: g.failure };
        return {
          ...base,
          ok: true,
          detail: g.replayed ? 'within bound; output shares replay ours bit-exactly' : 'within bound',
        };
      } catch (e) {
        return { ...base, ok: false, detail: (e as Error).message };
      }
    }),
  );
  const unknown = [...byId.entries()].map(([tcId, found]): CaseCheck => ({
    tcId,
    flags: [],
    ok: false,
    detail: `${found.map((f) => `$.responses[${f.i}]`).join(', ')}: prompt '${expected.promptId}' has no tcId ${tcId}`,
  }));
  return [...graded, ...unknown];
}
