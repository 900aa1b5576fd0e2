// LayerNorm speed (issue 13, "Speed"): 2 parties in one process, dealer preprocessing included, from
// shared inputs to shared outputs, over [128, 768] (BERT-base at sequence length 128): rows drawn from
// the spec's domain (typical hidden states, σ² across the method's range). Target under the default
// profile: layernorm with Goldschmidt (the defaults: t = 7, η = 16, shared γ and β) ≥ 5 M elements/s;
// the crypten schedule and public γ are reported beside it. Each row is compared with float64 LayerNorm
// on the same inputs.
import { buildCase } from '../harness/case.ts';
import { partyInputs } from '../harness/party-inputs.ts';
import { decodeByScale } from '../harness/scale.ts';
import { runParties } from '../runtime/run.ts';
import { layerNormIdeal } from '../spec/layernorm/layernorm.ts';
import type { LayerNormParams } from '../spec/layernorm/params.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const SHAPE = [128, 768] as const;
const N = SHAPE[0] * SHAPE[1];

async function benchLayerNorm(
  name: string,
  params: Readonly<Record<string, unknown>>,
  profile: 'crypten' | 'default',
  target?: { text: string; perSecond: number },
): Promise<BenchRow> {
  const c = buildCase({ id: 'layernorm', params, profile, size: SHAPE[1], shape: [...SHAPE], seed: 3n });
  const { protocol, config, shapes } = c;
  const inputs = await benchInputs(() => partyInputs(protocol.inputs(), c.inputs, config, 7n));
  const ms = await timeMedian(7, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => protocol.run(ctx, config, shapes, inputs[i]!)),
    ),
  );
  const decoded = Object.fromEntries(
    protocol.inputs().map((d) => [d.name, decodeByScale(c.inputs[d.name]!, d.scale, config)]),
  );
  const p = protocol.params as LayerNormParams;
  const n = SHAPE[1];
  const clear = await timeMedian(5, () => {
    for (let r = 0; r < SHAPE[0]; r++)
      layerNormIdeal(p, decoded['x']!.subarray(r * n, (r + 1) * n), decoded['gamma'], decoded['beta']);
  });
  const eps = (N / ms) * 1000;
  return row(`layernorm ${name} ${profile} 2p`, N, ms, {
    ratioToCleartext: clear / ms,
    ...(target === undefined ? {} : { target: target.text, met: eps >= target.perSecond }),
  });
}

const suite: BenchSuite = {
  name: 'layernorm',
  async run() {
    const goal = { text: '≥ 5 M/s', perSecond: 5e6 };
    return [
      await benchLayerNorm('goldschmidt', {}, 'default', goal),
      await benchLayerNorm('goldschmidt', {}, 'crypten'),
      await benchLayerNorm('goldschmidt, public γ', { affine: 'public' }, 'default'),
      await benchLayerNorm('goldschmidt, public γ', { affine: 'public' }, 'crypten'),
    ];
  },
};
export default suite;
