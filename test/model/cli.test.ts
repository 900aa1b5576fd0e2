// `mpcspec cost` and `mpcspec infer` on bad input: one line, exit 2 (docs/models.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'mpcspec.mjs');
const mpcspec = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'mpcspec-cli-'));
const badModel = join(dir, 'bad.json');
writeFileSync(badModel, JSON.stringify({ name: 'x', blockOrder: 'post-ln', layers: 2, heads: 'two' }));

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
      ['cost', '--model', 'vit-cifar', '--recipe', 'crypten', '--network', 'fast'],
      /--network 'fast': use lan, wan, or BW,RTT/,
    ],
  ])('%j', (args, message) => {
    const r = mpcspec(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
