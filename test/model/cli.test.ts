// `mpcspec cost` and `mpcspec infer` (docs/models.md): a small model whose components are protocols
// every build registers runs end to end — cost with --measure equal to the formula on every row, infer
// from a user's weights and inputs — and bad input is one line, exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSafeTensors } from '../../model/safetensors.ts';
import { weightShapes } from '../../model/weights.ts';
import { sizeOf } from '../../core/shape.ts';
import { decodeModel } from '../../spec/model/description.ts';
import { mpcspec } from '../cli/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mpcspec-cli-'));
const badModel = join(dir, 'bad.json');
writeFileSync(badModel, JSON.stringify({ name: 'x', blockOrder: 'post-ln', layers: 2, heads: 'two' }));

const small = {
  name: 'small',
  blockOrder: 'cct',
  layers: 2,
  heads: 2,
  hidden: 8,
  headDim: 4,
  ffn: 16,
  tokens: 6,
  layerNormEpsilon: 1e-5,
  weightsOwner: 0,
  qkv: 'fused',
  qkvBias: false,
  finalLayerNorm: true,
  components: {
    attention: { protocol: 'softmax_taylor' },
    gelu: { protocol: 'relu' },
    layernorm: { protocol: 'softmax_taylor' },
  },
};
const smallFile = join(dir, 'small.json');
writeFileSync(smallFile, JSON.stringify(small));
/** The small model's weights, each tensor filled with a sine of its index. */
const tensors = new Map(
  [...weightShapes(decodeModel(small, 'small'))].map(([name, shape], t) => [
    name,
    { shape: [...shape], values: Array.from({ length: sizeOf(shape) }, (_, i) => 0.3 * Math.sin(i + t)) },
  ]),
);
const weightsFile = join(dir, 'small.safetensors');
writeFileSync(weightsFile, encodeSafeTensors(tensors));
const inputsFile = join(dir, 'inputs.json');
writeFileSync(
  inputsFile,
  JSON.stringify(
    Array.from({ length: 6 }, (_, i) => Array.from({ length: 8 }, (_, j) => Math.cos(i * 8 + j))),
  ),
);
const badWeights = new Map(tensors);
badWeights.set('layers.1.attention.output.weight', {
  shape: [8, 4],
  values: Array.from({ length: 32 }, () => 0),
});
const badWeightsFile = join(dir, 'bad.safetensors');
writeFileSync(badWeightsFile, encodeSafeTensors(badWeights));

describe('cost and infer', () => {
  it.each(['cost', 'infer'])('%s --help prints its options', async (command) => {
    const r = await mpcspec(command, '--help');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/--model <name\|file>[\s\S]*--seed <s>/);
  });

  it('cost --measure: every row of the measured run equals its formula', async () => {
    const r = await mpcspec(
      'cost',
      '--model',
      smallFile,
      '--recipe',
      'crypten',
      '--profile',
      'crypten',
      '--measure',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; rows: { component: string; matches: boolean }[] };
    expect(out.ok).toBe(true);
    expect(out.rows.length).toBeGreaterThan(10);
    expect(out.rows.every((row) => row.matches)).toBe(true);
  });

  it("infer from a user's weights and inputs: per layer, the private output follows the recipe's float64 forward", async () => {
    const r = await mpcspec(
      'infer',
      '--model',
      smallFile,
      '--recipe',
      'crypten',
      '--weights',
      weightsFile,
      '--inputs',
      inputsFile,
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      layers: { layer: string; implementation: { maxAbs: number; cosine: number } }[];
    };
    expect(out.layers.map((l) => l.layer)).toEqual(['layer 0', 'layer 1', 'final LN']);
    for (const l of out.layers) {
      expect(l.implementation.maxAbs).toBeLessThan(1e-3);
      expect(l.implementation.cosine).toBeGreaterThan(0.9999);
    }
  });
});

describe('infer: a step outside its domain', () => {
  it('is named under the table, per layer and step, with a summary line', async () => {
    const r = await mpcspec(
      'infer',
      '--model',
      'vit-cifar',
      '--recipe',
      'secformer',
      '--set',
      'layerNormEta=256',
      '--seq',
      '8',
      '--layers',
      '1',
    );
    expect(r.status, r.stderr).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(
      /^warning: layer 0: L0\.ln1: layernorm: row \d+ of input x \(shape \[8, 256\]\) is outside the domain: .* below \[16, 512\]/,
    );
    expect(warnings[1]).toMatch(/^warning: layer 0: L0\.ln2: layernorm: row \d+ of input x/);
    expect(warnings[2]).toMatch(/in 1 of 1 layers a step's input left its spec's domain/);
  });
});

describe('cost and infer: bad input', () => {
  it.each([
    [
      ['cost', '--model', 'gpt-9', '--recipe', 'crypten'],
      /unknown model 'gpt-9'; built-in models: bert-base/,
    ],
    [['cost', '--model', 'bert-base', '--recipe', 'nope'], /unknown recipe 'nope'; recipes: crypten/],
    [
      ['cost', '--model', badModel, '--recipe', 'crypten'],
      /bad\.json: \$\.heads: expected integer ≥ 1, got "two"/,
    ],
    [
      ['infer', '--model', 'vit-cifar', '--recipe', 'mpcvit', '--seq', '66'],
      /--seq 66: vit-cifar takes 1 to 65 tokens/,
    ],
    [
      ['cost', '--model', 'vit-cifar', '--recipe', 'mpcvit', '--set', 'mu=2'],
      /--set mu=2: .* must be a number in \[0, 1\]/,
    ],
    [['cost', '--model', 'vit-cifar', '--recipe', 'mpcvit', '--set', 'mu'], /--set: 'mu' is not name=number/],
    [
      ['infer', '--model', 'vit-cifar', '--recipe', 'secformer', '--set', 'layerNormEta=0'],
      /--set layerNormEta=0: .* must be a number above 0/,
    ],
    [
      ['cost', '--model', 'vit-cifar', '--recipe', 'crypten', '--network', 'fast'],
      /--network 'fast': use lan, wan, or BW,RTT/,
    ],
    [
      ['infer', '--model', smallFile, '--recipe', 'crypten', '--weights', badWeightsFile],
      /tensor 'layers\.1\.attention\.output\.weight' has shape \[8, 4\] but small needs \[8, 8\]/,
    ],
    [
      ['infer', '--model', smallFile, '--recipe', 'crypten', '--inputs', weightsFile],
      /--inputs: .* has no tensor 'input' \(expected \[6, 8\]\)/,
    ],
  ])('%j', async (args, message) => {
    const r = await mpcspec(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
