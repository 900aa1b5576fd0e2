// The CLI as a user meets it (issue 2 §8 and "Bad input"): real processes, real exit codes. Bad input
// is one line on stderr naming the offending value, exit code 2, no stack trace.
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../registry/index.ts';
import { mpcspec, scratch } from './helpers.ts';

const { file } = scratch('cli');

describe('mpcspec list', () => {
  it('--json lists every registered id with title and family', async () => {
    const r = await mpcspec('list', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; title: string; family: string }[];
    expect(rows.map((x) => x.id)).toEqual(REGISTRY.map((p) => p.id));
    expect(rows.every((x) => x.title.length > 0 && x.family.length > 0)).toBe(true);
  });
});

describe('mpcspec run', () => {
  it('mul under crypten: 1 round, 2·64 bits per element per party, within bounds', async () => {
    const r = await mpcspec('run', 'mul', '--profile', 'crypten', '--size', '10', '--json', '--emit-outputs');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({
      protocol: 'mul',
      profile: 'crypten',
      size: 10,
      rounds: 1,
      bitsSent: [1280, 1280],
      offlineBits: [1920, 1920],
      ok: true,
    });
    for (const key of ['maxAbsError', 'maxIdealError', 'bounds', 'outputs']) expect(s).toHaveProperty(key);
  });

  it('--inputs runs on the given values and reports them decoded', async () => {
    const r = await mpcspec(
      'run',
      'mul',
      '--inputs',
      file('in.json', '{"x":[1.5,-2],"y":[3,0.25]}'),
      '--emit-outputs',
      '--json',
    );
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { outputs: { z: number[] } }).outputs.z).toEqual([4.5, -0.5]);
  });

  const bad: [string, string[], RegExp][] = [
    ['unknown protocol', ['run', 'nope'], /unknown protocol 'nope'/],
    [
      'unknown profile',
      ['run', 'mul', '--profile', 'bogus'],
      /unknown profile 'bogus'; known profiles: crypten, spu, default/,
    ],
    ['bad seed', ['run', 'mul', '--seed', 'abc'], /--seed: 'abc' is not an integer/],
    ['bad party count', ['run', 'mul', '--parties', '1'], /--parties: '1' is not an integer from 2 to 16/],
    ['unknown parameter', ['run', 'mul', '--params', '{"c":1}'], /mul params: unknown parameter 'c'/],
    [
      'ill-typed parameter',
      ['run', 'trunc', '--params', '{"bits":2.5}'],
      /trunc params: \$\.bits: expected "f" or Int, got 2\.5/,
    ],
    [
      'unsupported configuration',
      ['run', 'trunc', '--parties', '3', '--params', '{"method":"local-trunc"}'],
      /local-trunc truncation is 2-party only/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`${what}: exit 2, one line, no stack`, async () => {
      const r = await mpcspec(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.includes('npm warn')),
      ).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  const badInputs: [string, string, RegExp][] = [
    ['shape mismatch', '{"x":[1,2],"y":[1,2,3]}', /mul: shape mismatch: x is \[2\] but y is \[3\]/],
    ['non-numeric value', '{"x":[1,"a"],"y":[1,2]}', /\$\.x\[1\]: expected number or IntegerString, got "a"/],
    ['missing input', '{"x":[1,2]}', /missing input 'y'; this protocol takes x, y/],
    ['out-of-domain value', '{"x":[500,2],"y":[1,2]}', /x\[0\] = 500 is outside the domain \[-100, 100\]/],
    [
      'unrepresentable value',
      '{"x":[1e300,2],"y":[1,2]}',
      /x\[0\]: 1e\+300 is outside the representable range/,
    ],
    ['not JSON', 'nope', /is not JSON/],
  ];
  for (const [what, text, message] of badInputs) {
    it(`--inputs with a ${what}: exit 2 naming it`, async () => {
      const r = await mpcspec('run', 'mul', '--inputs', file(`${what}.json`, text));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('mpcspec conform', () => {
  it('a slice passes and prints the summary table', async () => {
    const r = await mpcspec('conform', '--only', 'mul,reconstruct', '--profile', 'crypten,default');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/8 cases ran, 0 not applicable, 0 failed/);
    expect(r.stdout).toMatch(/│ mul\s+│ crypten │ 2 │ yes/);
  });
});

describe('mpcspec audit views', () => {
  const bad: [string, string[], RegExp][] = [
    ['unknown protocol', ['audit', 'views', 'nope'], /unknown protocol 'nope'/],
    [
      'party out of range',
      ['audit', 'views', 'mul', '--party', '5'],
      /party 5 is out of range: this run has parties 0…1/,
    ],
    [
      'a zero budget',
      ['audit', 'views', 'mul', '--budget', '0'],
      /--budget: '0' is not an integer from 1 to 30/,
    ],
    [
      'a budget that is not an integer',
      ['audit', 'views', 'mul', '--budget', '2.5'],
      /--budget: '2\.5' is not an integer/,
    ],
    ['zero samples', ['audit', 'views', 'mul', '--samples', '0'], /--samples: '0' is not an integer from 1/],
    [
      'an unknown mode',
      ['audit', 'views', 'mul', '--mode', 'fast'],
      /--mode: 'fast' is not one of auto, relation/,
    ],
    [
      'nothing checkable (the one mode asked for is out of reach)',
      ['audit', 'views', 'mul', '--mode', 'exhaustive', '--party', '0', '--budget', '10'],
      /nothing could be checked: party 0, exhaustive: mul at ℓ = 4: 2\^8 secrets × 2\^8 hidden tapes .* exceed the budget of 2\^10 evaluations; --budget 16 reaches one own tape/,
    ],
  ];
  for (const [what, args, message] of bad)
    it(`${what}: exit 2, one line, no stack`, async () => {
      const r = await mpcspec(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

  it('a private protocol: exit 0, a verdict per party with every mode and its coverage (--json)', async () => {
    const r = await mpcspec('audit', 'views', 'add', '--json');
    expect(r.status).toBe(0);
    const v = JSON.parse(r.stdout) as {
      status: string;
      verdicts: {
        party: number;
        status: string;
        modes: { mode: string; status: string; coverage: string }[];
      }[];
    };
    expect(v.status).toBe('private');
    expect(v.verdicts.map((p) => p.party)).toEqual([0, 1]);
    for (const p of v.verdicts) {
      expect(p.modes.map((m) => `${m.mode}:${m.status}`)).toEqual([
        'relation:passed',
        'exhaustive:passed',
        'statistical:passed',
      ]);
      for (const m of p.modes) expect(m.coverage.length).toBeGreaterThan(0);
    }
  });

  it('a leak: exit 1, the test that found it named (sin, SecFormer variant)', async () => {
    const r = await mpcspec(
      'audit',
      'views',
      'sin',
      '--params',
      '{"variant":"secformer","period":20}',
      '--party',
      '0',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^sin: LEAK \(party 0: statistical\)/);
    expect(r.stdout).toMatch(/statistical: LEAK/);
  });
});
