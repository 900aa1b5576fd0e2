// `npm run crypten:doc` (issue 18 §3): writes docs/crypten.md from the reports of a real run —
// reports/crypten/conform-TFP.json and conform-TTP.json (`npm run conform:crypten`), agreement.json
// (`npm run crypten:agreement`) — and the findings recorded with each expected verdict
// (adapters/crypten/expected-verdicts.json). The prose around the tables is fixed here; every number in
// the tables comes from the reports. A report that is missing is one error line (exit 2).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendReport, OpReport } from '../backend/runner.ts';

const ROOT = join(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'reports/crypten');

// The conformance reports as written by JSON (bigints, such as ulps, as decimal strings).
type OpJson = OpReport;
type ReportJson = BackendReport;
interface AgreementJson {
  readonly cases: number;
  readonly size: number;
  readonly seed: string;
  readonly ops: readonly {
    readonly key: string;
    readonly spread: { readonly elements: number; readonly max: number; readonly mean: number };
    readonly distance: { readonly max: number; readonly mean: number };
    readonly sign: { readonly above: number; readonly below: number; readonly p: number };
    readonly withinSpread: boolean;
    readonly problem?: string;
  }[];
}

function load<T>(file: string, made: string): T {
  const path = join(REPORTS, file);
  if (!existsSync(path)) {
    process.stderr.write(`crypten:doc: ${path} is missing; run \`${made}\` first\n`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function valueCell(o: OpJson): string {
  const v = o.value;
  if (v === undefined) return o.status === 'error' ? `error: ${o.reason ?? ''}` : '—';
  const ulps = v.worst === undefined ? '0' : String(v.worst.ulps).replace('-', '');
  if (v.ok) return `yes (max ${ulps} ulp)`;
  return `**no**: ${v.failingCases.length}/${o.casesAnswered} cases outside the bound (max ${ulps} ulp)`;
}

function costCell(o: OpJson | undefined): string {
  if (o === undefined) return '—';
  const c = o.cost;
  if (c.status === 'equal') return `yes (${c.detail.replace(/, p0 bytes/, '; bytes/party')})`;
  if (c.status === 'differs') {
    const m = /rounds (\d+)\/(\d+), p0 bytes (\d+)\/(\d+)/.exec(c.detail);
    return m === null
      ? `**no**: ${c.detail}`
      : `**no**: rounds ${m[1]} spec / ${m[2]} CrypTen; bytes/party ${m[3]} / ${m[4]}`;
  }
  return c.status;
}

function viewsCell(o: OpJson | undefined): string {
  const v = o?.views;
  if (v === undefined) return '—';
  return v.status === 'leak'
    ? `**LEAK**: ${cell(v.detail)}`
    : v.status === 'error'
      ? `error: ${cell(v.detail)}`
      : v.status;
}

function defectCell(o: OpJson, finding: string | undefined): string {
  const parts: string[] = [];
  if (o.defect?.kind === 'match' && o.defect.best !== undefined)
    parts.push(`runner: matches ${o.defect.best.name} (${o.defect.best.explanation})`);
  else if (o.defect !== undefined)
    parts.push(`runner: no match among ${o.defect.candidatesTried} candidates`);
  if (finding !== undefined) parts.push(finding);
  return parts.join('. ');
}

function verdictTable(
  tfp: ReportJson,
  ttp: ReportJson,
  findings: Record<string, { finding: string }>,
): string {
  const rows = tfp.ops.map((o) => {
    const t = ttp.ops.find((x) => x.key === o.key);
    const verdict = o.status === 'pass' && t?.status === 'pass' ? 'PASS' : `**${o.status.toUpperCase()}**`;
    const repro = `\`npx mpcspec conform --backend adapters/crypten/run.sh --only ${o.id}\``;
    return `| ${cell(o.key)} | ${verdict} | ${valueCell(o)} | ${costCell(o)} | ${costCell(t)} | ${viewsCell(o)} | ${viewsCell(t)} | ${cell(defectCell(o, findings[o.key]?.finding))} | ${repro} |`;
  });
  return [
    '| op | verdict | values within the bound? (TFP) | rounds, bytes = crypten profile? (TFP) | same under TTP? | views (TFP) | views (TTP) | defect identification, finding | reproduce |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function agreementTable(a: AgreementJson): string {
  return [
    "| op | elements | CrypTen run 2 vs run 1: max / mean ulp | mpcspec vs CrypTen run 1: max / mean ulp | farther / nearer, p | within CrypTen's spread |",
    '|---|---|---|---|---|---|',
    ...a.ops.map((r) =>
      r.problem !== undefined
        ? `| ${cell(r.key)} | | | | | error: ${cell(r.problem)} |`
        : `| ${cell(r.key)} | ${r.spread.elements} | ${r.spread.max} / ${r.spread.mean.toFixed(3)} | ${r.distance.max} / ${r.distance.mean.toFixed(3)} | ${r.sign.above} / ${r.sign.below}, p ${r.sign.p.toPrecision(2)} | ${r.withinSpread ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

interface BenchJson {
  readonly suite: string;
  readonly rows: readonly {
    readonly name: string;
    readonly elementsPerSecond: number;
    readonly target?: string;
    readonly met?: boolean;
  }[];
}

/** The side-by-side speed rows of the last `npm run bench -- crypten`, if it ran. */
function speedSection(): string {
  const path = join(ROOT, 'reports/bench.json');
  const suite = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as BenchJson[]).find((s) => s.suite === 'crypten')
    : undefined;
  if (suite === undefined)
    return 'Not measured in the run this page was made from: `npm run bench -- crypten`.';
  const rate = (v: number | undefined): string => (v === undefined ? '—' : `${(v / 1e3).toFixed(0)} k/s`);
  const ops = ['mul', 'lt', 'exp', 'reciprocal', 'softmax'];
  const ids: Record<string, string> = { reciprocal: 'reciprocal_nr' };
  return [
    '| op (10⁵ elements, 2 parties) | CrypTen 0.4 | mpcspec, crypten profile | ratio | ≥ 4×? |',
    '|---|---|---|---|---|',
    ...ops.map((op) => {
      const theirs = suite.rows.find((r) => r.name === `${op} CrypTen 0.4 2p`)?.elementsPerSecond;
      const mine = suite.rows.find((r) => r.name === `${ids[op] ?? op} crypten 2p`);
      const ratio =
        theirs === undefined || mine === undefined ? '—' : `${(mine.elementsPerSecond / theirs).toFixed(1)}×`;
      const met =
        mine?.met === undefined
          ? mine === undefined
            ? 'no mpcspec spec'
            : '—'
          : mine.met
            ? 'yes'
            : '**no**';
      return `| ${op} | ${rate(theirs)} | ${rate(mine?.elementsPerSecond)} | ${ratio} | ${met} |`;
    }),
  ].join('\n');
}

function main(): void {
  const tfp = load<ReportJson>('conform-TFP.json', 'npm run conform:crypten');
  const ttp = load<ReportJson>('conform-TTP.json', 'npm run conform:crypten');
  const agreement = load<AgreementJson>('agreement.json', 'npm run crypten:agreement');
  const findings = JSON.parse(
    readFileSync(join(ROOT, 'adapters/crypten/expected-verdicts.json'), 'utf8'),
  ) as Record<string, { finding: string }>;
  const count = (r: ReportJson, s: string): number => r.ops.filter((o) => o.status === s).length;
  const summary = (r: ReportJson, provider: string): string =>
    `${provider}: ${r.ops.length} ops, ${count(r, 'pass')} pass, ${count(r, 'fail')} fail, ${count(r, 'error')} errors (${(r.ms / 1000).toFixed(0)} s)`;
  const text = `<!-- generated by \`npm run crypten:doc\` (scripts/crypten-doc.ts) from reports/crypten/; do not edit by hand -->
# CrypTen 0.4 under test

MPCFormer, SecFormer and the baselines of MPCViT run on CrypTen. This page is what mpcspec's backend
conformance runner ([backends.md](backends.md)) finds when it drives the real CrypTen 0.4 through
\`adapters/crypten/\`: per op, whether CrypTen's values lie within the spec's bounds, whether CrypTen's own
communication counters equal the \`crypten\` profile's cost formulas, what the defect identification says
where an op fails, and how close CrypTen and mpcspec's \`crypten\` profile come on the same inputs. What the
harness finds is reported as it is: nothing in the adapter or the specs is tuned to this run.

## Running it

\`\`\`sh
adapters/crypten/setup.sh        # as root: installs the Debian packages CrypTen needs; checks the import
npm run conform:crypten          # the whole pass, under providers TFP and TTP; tables in reports/crypten/
npm run crypten:agreement        # mpcspec's crypten profile vs CrypTen, and CrypTen vs itself
npm run crypten:doc              # this page, from those reports
\`\`\`

CrypTen needs torch and its few dependencies (\`python3-torch\`, \`python3-numpy\`, \`python3-scipy\`,
\`python3-sklearn\`, \`python3-onnx\`, \`python3-omegaconf\`, \`python3-pandas\`, \`python3-future\`,
\`python3-yaml\` on Debian; torch 1.13 works). The adapter runs Debian's \`/usr/bin/python3\` with the
directory holding CrypTen 0.4's \`crypten\` package (release 0.4, commit 775868a) on its path; set
\`MPCSPEC_PYTHON\` and \`MPCSPEC_CRYPTEN\` to use others. Where either is missing, \`setup.sh\`,
\`conform:crypten\` and \`mpcspec conform --backend adapters/crypten/run.sh\` print one line saying so and
exit 3, which a CI step can tell from a failure (1). \`npm test\` does not need CrypTen.

\`conform:crypten\` exits 0 when every op's verdict is the one recorded for CrypTen 0.4 in
\`adapters/crypten/expected-verdicts.json\` (each recorded failure with what was found, quoted below), and 1
when a verdict changes either way: a new failure, or a recorded failure that now passes.

## What the adapter does

- **Parties.** Two CrypTen parties in separate processes, started by \`crypten.mpc.run_multiprocess\`
  (gloo over loopback) and kept running across cases; under the TTP provider a third process is CrypTen's
  trusted third party. A case that takes longer than \`--timeout\` (50 s) or a party that dies ends every
  party process and is that case's error; the next case starts new parties. The parties are in the
  adapter's process group, so the runner ends them with it.
- **Inputs** are shared as CrypTen's users share them, \`crypten.cryptensor(values, src=owner)\` (fixed-point
  values as exact float64, \`precision=0\` for integers and bits). A ring-edge word no float64 carries is
  added to the source party's share of a zero-sharing, which is what the encoder would have produced.
- **Ops** are CrypTen's own calls, with the op's parameters as CrypTen's configuration keys for that call:
  \`add\`, \`sub\`, \`neg\`, \`add_const\` (\`x + c\`), \`mul_const\` (\`x * c\`), \`mul\`, \`square\`, \`matmul\`;
  \`exp\` (\`exp_iterations\`), \`reciprocal_nr\` and \`reciprocal_nr_pos\` (\`reciprocal()\` with
  \`reciprocal_all_pos\` false or true, \`reciprocal_nr_iters\`), \`inv_sqrt_nr\` and \`sqrt\` (\`sqrt_nr_iters\`),
  \`erf\` (\`erf_iterations\`), \`sigmoid\`, \`tanh\`; \`ltz\` (\`x.lt(0)\`), \`lt\`, \`gt\`, \`le\`, \`ge\`, \`eq\`, \`sign\`,
  \`abs\`, \`relu\`, \`select\` (\`x.where(b, y)\`), \`max\` and \`min\` (\`max(dim=-1)[0]\`), \`argmax\`
  (\`argmax(dim=-1, one_hot=False)\`), and \`softmax\` (\`softmax(-1)\`).
  CrypTen's erf is offered twice: as the series it documents (\`powers: chain\`) and as the spec's form of
  its released \`pow\` recursion (\`powers: crypten-pow\`); \`gelu_erf\` likewise.
- **Compositions** of CrypTen calls, as the systems' released code writes them, in the order the spec's
  \`crypten\` schedule documents: \`gelu_tanh\` (\`0.5 * x * (1 + (√(2/π) * (x + 0.044715 * x.pow(3))).tanh())\`),
  \`gelu_erf\` (\`0.5 * x * (1 + (x * (1/√2)).erf())\`), \`gelu_quad\` (\`0.125 * x * x + 0.25 * x + 0.5\`);
  \`softmax_2quad\` (\`a = x + 5\`, \`a * a\`) and \`softmax_relu\` (\`x.relu()\`, plus ε) over their row
  sum: \`sum(-1, keepdim=True)\`, CrypTen's \`reciprocal()\` (Newton, 10 steps, with or without its sign
  step), one broadcast \`mul\` — with a deflation η, \`(s * c).reciprocal() * c\` for c = 1/(η·n);
  \`layernorm\`: \`d = x - x.mean(-1, keepdim=True)\`, \`s = d.square().mean(-1, keepdim=True) + ε\`,
  \`s.inv_sqrt()\` or \`s.sqrt().reciprocal()\`, \`d * r\`, then \`* γ + β\` with γ, β public torch
  tensors (public inputs reach CrypTen as plain tensors, as a model's weights do).
  Where a spec's default parameters name a protocol CrypTen has no call for (Goldschmidt), the op is offered
  with the parameter sets its CrypTen variant and its released code take instead: \`softmax_2quad\` with
  MPCFormer's reciprocal deflated by η = 4 and as released (no deflation); \`softmax_relu\` as MPCViT's RSAttn
  (its default) and MPCFormer's 2ReLU; \`layernorm\` with Newton's \`inv_sqrt\` (3 steps, ε = 10⁻⁵, γ and β
  public) and with sqrt then reciprocal (ε = 10⁻¹², no γ, β).
- **Not offered**: ${tfp.notOffered.map((s) => `\`${s}\``).join(', ')}. Some CrypTen has no call for
  (Goldschmidt's iterations, a dealer-masked sine, a truncation of its own; the adapter prints why for each);
  the rest are compositions of CrypTen calls the adapter does not build.
- **Outputs** are opened as CrypTen's encoded ring words (the sum of the shares), converted exactly from
  the scale CrypTen keeps for the tensor to the spec's; they are not decoded by \`get_plain_text\`, whose
  float32 result loses ulps past |x| ≈ 2⁷, so the verdict is on CrypTen's protocols, not on its printout.
- **Counters**: \`cfg.communicator.verbose\`, reset after the inputs are shared and read before the outputs
  are opened. Rounds are the larger party's count; bytes are each party's sent + received, as CrypTen counts
  them. Traffic inside a provider call (under TTP, party 0 fetching its triples and randomness from the
  trusted third party through the same communicator) is preprocessing: the adapter counts it apart, so the
  online counters are compared with the spec's online cost under both providers.

- **Views**, for the view audit (\`--audit\`; the adapter's \`--views\` names the ops): each party's input
  shares; the preprocessing material CrypTen's provider gave it, whatever the provider (triples, square
  pairs, binary triples, wrap and B2A randomness, as the provider's methods return them, in call order);
  and every message it received. CrypTen opens values with \`all_reduce\` (a sum for arithmetic shares, XOR
  for binary ones), so what a party receives is the result less (or XOR) its own contribution; the adapter
  wraps the communicator's \`all_reduce\` to record it. An op that communicates through any other
  collective outside the provider is refused for views (an error, never a view with a hole). Views are
  offered for the elementwise ops, whose every opened tensor keeps an axis of the audit's instances.
  Reproduce one: \`npx mpcspec conform --backend "adapters/crypten/run.sh --provider TTP --views mul" --only mul --audit\`.

## The verdict

Run: ${tfp.casesPerOp} cases per op, size ${tfp.size}, seed ${tfp.seed}, profile \`crypten\`. ${summary(tfp, 'TFP')}; ${summary(ttp, 'TTP')}.

${verdictTable(tfp, ttp, findings)}

What the failures mean:

${Object.entries(findings)
  .map(([key, f]) => `- **${key}**: ${f.finding}`)
  .join('\n')}

## Agreement in value with mpcspec's crypten profile

The same cleartext inputs (the runner's seeded cases: ${agreement.cases} per op, size ${agreement.size},
seed ${agreement.seed}) go to CrypTen twice and to mpcspec's own engine under the \`crypten\` profile
(\`mpcspec self-adapter --profile crypten\`). CrypTen's run-to-run spread is |run 2 − run 1| per element
(its randomness differs each time, and 2-party local truncation is off by one ulp either way, which a
kernel's later steps amplify); mpcspec's distance is |mpcspec − run 1|. Were mpcspec just another CrypTen
run, it would be farther from run 1 than run 2 is on as many elements as it is nearer: mpcspec is within
CrypTen's spread unless a two-sided sign test on those counts rejects that at p < 10⁻³. A maximum alone
cannot decide it: the larger of two equally distributed maxima is either one half the time.

${agreementTable(agreement)}

## Speed, side by side

One \`npm run bench -- crypten\` on the machine this page was made on (bench/crypten.bench.ts): CrypTen's
elements per second (adapters/crypten/bench.py: two \`run_multiprocess\` parties, provider TFP, the slower
party's median time from shared inputs to shared outputs, triples made inside the op) beside mpcspec's own
protocols under the \`crypten\` profile (2 parties in one process, dealer preprocessing included). On a
shared machine single numbers swing widely between runs (CrypTen more than mpcspec): rerun for a range.

${speedSection()}
`;
  writeFileSync(join(ROOT, 'docs/crypten.md'), text);
  process.stdout.write('docs/crypten.md written\n');
}

main();
