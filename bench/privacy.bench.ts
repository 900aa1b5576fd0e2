// View-privacy audit speed (issue 4 and 16, "Speed"):
//   • the relation search on `mul` at ℓ 64 with instances of 4 elements (target < 1 s), per party;
//   • the automatic audit of every registered protocol at `npm start`'s budget (its privacy table:
//     every mode, both parties; target < 2 minutes);
//   • the exhaustive check of `mul` over Z_2^4 — every secret (2^8) × every hidden triple (2^8) for each
//     own tape, here 256 sampled own tapes of 2^20, so 2^24 instance evaluations — with the complete check
//     (all 2^20 own tapes: 2^36 evaluations, issue 4's target < 10 s) projected from the measured rate,
//     since running it takes hours.
import { QUICK, auditViews } from '../audit/audit-views.ts';
import { planBatch } from '../audit/batch-plan.ts';
import { auditRelations } from '../audit/relations/relation-search.ts';
import { REGISTRY, findProtocol } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchSuite, row, timeMedian } from './suite.ts';

const suite: BenchSuite = {
  name: 'privacy',
  async run() {
    const mul = findProtocol('mul').bind();
    const config = resolveConfig('default');
    const plan = await planBatch(mul, config, 0, 1n, 4);
    const relationMs = await timeMedian(5, () => auditRelations(plan, { seed: 1n, maxColumns: 1024 }), {
      warmupMs: 500,
      measureMs: 2000,
    });
    const coords = (await auditRelations(plan, { seed: 1n, maxColumns: 1024 })).evidence.columns;

    const t0 = performance.now();
    for (const r of REGISTRY) await auditViews(r.bind(), config, QUICK);
    const tableMs = performance.now() - t0;

    const t1 = performance.now();
    const ex = await auditViews(mul, config, { mode: 'exhaustive', party: 0, budgetBits: 24 });
    const exMs = performance.now() - t1;
    const e = ex.verdicts[0]!.modes[0]!;
    const evaluations =
      e.status !== 'not run' && e.evidence.mode === 'exhaustive' ? e.evidence.evaluations : 0;
    const fullEvaluations = 2 ** 36;
    const projectedMs = (fullEvaluations / evaluations) * exMs;
    const columns = coords.view + coords.hidden + coords.secret + coords.known;
    return [
      row(`relation search mul ℓ 64, 4-element instances, party 0 (${columns} coordinates)`, 1, relationMs, {
        target: '< 1 s',
        met: relationMs < 1000,
      }),
      row(
        `automatic audit of every registered protocol (${REGISTRY.length}), npm start budget`,
        REGISTRY.length,
        tableMs,
        {
          target: '< 2 min',
          met: tableMs < 120_000,
        },
      ),
      row('exhaustive mul Z_2^4, party 0, 256 own tapes (2^24 evaluations)', evaluations, exMs),
      row('exhaustive mul Z_2^4, party 0, all own tapes (2^36), projected', fullEvaluations, projectedMs, {
        target: '< 10 s',
        met: projectedMs < 10_000,
      }),
    ];
  },
};

export default suite;
