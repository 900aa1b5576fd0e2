// The value verdict of one op over all its cases (issue 17 §2), with the built-in checks of
// harness/compare.ts: each output within the spec's implementation bound of the reference, except
// wrap events (off by a multiple of the wrap modulus), whose count over every element of every case
// must stay within the binomial allowance of the spec's wrap probability — and the reference within
// the approximation bound of the ideal. It also keeps the worst element, with the inputs behind it.
import type { RingTensor } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import { checkApproximation, checkImplementation, isWrap } from '../harness/compare.ts';
import { decodeByScale, scaleUlp } from '../harness/scale.ts';
import { binomialUpperQuantile } from '../harness/stats.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Bounds } from '../spec/types.ts';
import type { BackendCase } from './cases.ts';

export type Outputs = Readonly<Record<string, RingTensor>>;

export interface AnsweredCase {
  readonly case: BackendCase;
  readonly outputs: Outputs;
}

export interface WorstElement {
  readonly case: string;
  readonly output: string;
  readonly index: number;
  /** Signed distance backend − reference, in ulps of the output's scale. */
  readonly ulps: bigint;
  readonly backend: number;
  readonly reference: number;
  /** The inputs behind this element, as text. */
  readonly inputs: string;
}

export interface ValueVerdict {
  readonly ok: boolean;
  readonly elements: number;
  /** Largest |backend − reference| among elements within the bound or wrapped, in ulps and real units. */
  readonly maxUlps: number;
  readonly maxAbs: number;
  readonly wrapEvents: number;
  readonly wrapAllowed: number;
  /** Elements outside the bound that are no wrap. */
  readonly violations: number;
  /** Cases with a violation. */
  readonly failingCases: readonly string[];
  readonly worst?: WorstElement;
  readonly approximation: {
    readonly ok: boolean;
    readonly maxAbsError: number;
    readonly firstViolation?: string;
  };
}

export interface ReferenceOutputs {
  readonly reference: Outputs;
  readonly ideal: Readonly<Record<string, Float64Array>>;
}

export function referenceOutputs(protocol: BoundProtocol, config: Config, c: BackendCase): ReferenceOutputs {
  const decoded = Object.fromEntries(
    protocol.inputs().map((d) => [d.name, decodeByScale(c.inputs[d.name]!, d.scale, config)]),
  );
  return {
    reference: protocol.reference(config, c.inputs, c.shapes),
    ideal: protocol.ideal(config, decoded, c.shapes),
  };
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, ''));

/** The inputs behind output element `index`: the same element, its row, or the element it expands. */
export function inputsAt(
  protocol: BoundProtocol,
  config: Config,
  c: BackendCase,
  outSize: number,
  index: number,
): string {
  return protocol
    .inputs()
    .map((d) => {
      const t = c.inputs[d.name]!;
      const v = decodeByScale(t, d.scale, config);
      const n = sizeOf(t.shape);
      if (n === outSize) return `${d.name} = ${fmt(v[index]!)}`;
      if (n > outSize && n % outSize === 0) {
        const r = n / outSize;
        const row = Array.from(v.slice(index * r, index * r + Math.min(r, 4)), fmt);
        return `${d.name}[row ${index}] = [${row.join(', ')}${r > 4 ? ', …' : ''}]`;
      }
      if (n < outSize && outSize % n === 0)
        return `${d.name} = ${fmt(v[Math.floor((index * n) / outSize)]!)}`;
      return `${d.name}: shape [${t.shape.join(', ')}]`;
    })
    .join(', ');
}

const magnitude = (w: WorstElement): bigint => (w.ulps < 0n ? -w.ulps : w.ulps);

/**
 * The element of one case farthest from the reference — among those that are no wrap event when the
 * bounds allow wraps (a wrap is counted, not measured), unless `wraps` asks for them too.
 */
export function worstElement(
  protocol: BoundProtocol,
  config: Config,
  a: AnsweredCase,
  reference: Outputs,
  bounds: Bounds,
  wraps = false,
  describe = true,
): WorstElement | undefined {
  let worst: WorstElement | undefined;
  let worstAbs = -1n;
  const ulps = BigInt(bounds.implementationUlps);
  for (const d of protocol.outputs()) {
    const got = a.outputs[d.name]!;
    const ref = reference[d.name]!;
    const ulp = scaleUlp(d.scale, config);
    for (let i = 0; i < got.data.length; i++) {
      const diff = BigInt.asIntN(config.ell, got.data[i]! - ref.data[i]!);
      const abs = diff < 0n ? -diff : diff;
      if (abs <= worstAbs) continue;
      if (
        !wraps &&
        abs > ulps &&
        bounds.wrap !== undefined &&
        isWrap(diff, bounds.wrap.modulus, ulps, config.ell)
      )
        continue;
      worstAbs = abs;
      worst = {
        case: a.case.id,
        output: d.name,
        index: i,
        ulps: diff,
        backend: Number(BigInt.asIntN(config.ell, got.data[i]!)) * ulp,
        reference: Number(BigInt.asIntN(config.ell, ref.data[i]!)) * ulp,
        inputs: describe ? inputsAt(protocol, config, a.case, got.data.length, i) : '',
      };
    }
  }
  return worst;
}

/** The worst element of each case, the `count` worst cases first. */
export function worstCases(
  protocol: BoundProtocol,
  config: Config,
  bounds: Bounds,
  answered: readonly AnsweredCase[],
  references: readonly ReferenceOutputs[],
  count: number,
  wraps = false,
): WorstElement[] {
  return answered
    .map((a, k) => worstElement(protocol, config, a, references[k]!.reference, bounds, wraps))
    .filter((w): w is WorstElement => w !== undefined)
    .sort((x, y) => (magnitude(y) > magnitude(x) ? 1 : magnitude(y) < magnitude(x) ? -1 : 0))
    .slice(0, count);
}

/** The value verdict built case by case, as answers arrive (the runner checks while the backend computes). */
export class ValueTally {
  private elements = 0;
  private maxUlps = 0;
  private maxAbs = 0;
  private wrapEvents = 0;
  private violations = 0;
  private readonly failingCases: string[] = [];
  private approxOk = true;
  private approxMax = 0;
  private approxFirst: string | undefined;
  private cases = 0;
  /** The worst measured element and the worst wrap, kept with their case (described at the end). */
  private worst: { a: AnsweredCase; w: WorstElement; abs: bigint } | undefined;
  private worstWrap: { a: AnsweredCase; w: WorstElement; abs: bigint } | undefined;

  constructor(
    private readonly protocol: BoundProtocol,
    private readonly config: Config,
    private readonly bounds: Bounds,
  ) {}

  add(a: AnsweredCase, ref: ReferenceOutputs): void {
    const { protocol, config, bounds } = this;
    this.cases += 1;
    let failed = false;
    for (const decl of protocol.outputs()) {
      const got = a.outputs[decl.name]!;
      const reference = ref.reference[decl.name]!;
      const check = checkImplementation(got, reference, bounds);
      this.elements += got.data.length;
      this.wrapEvents += check.wrapEvents;
      this.violations += check.violations;
      if (check.violations > 0) failed = true;
      this.maxUlps = Math.max(this.maxUlps, check.maxUlps);
      this.maxAbs = Math.max(this.maxAbs, check.maxUlps * scaleUlp(decl.scale, config));
      const approx = checkApproximation(
        decodeByScale(reference, decl.scale, config),
        ref.ideal[decl.name]!,
        bounds,
      );
      this.approxMax = Math.max(this.approxMax, approx.maxAbsError);
      if (!approx.ok) {
        this.approxOk = false;
        const v = approx.firstViolation!;
        this.approxFirst ??= `case ${a.case.id}: ${decl.name}[${v.index}]: reference ${v.reference} vs ideal ${v.ideal}`;
      }
    }
    if (failed) this.failingCases.push(a.case.id);
    const measured = worstElement(protocol, config, a, ref.reference, bounds, false, false);
    if (measured !== undefined && (this.worst === undefined || magnitude(measured) > this.worst.abs))
      this.worst = { a, w: measured, abs: magnitude(measured) };
    if (bounds.wrap !== undefined) {
      const any = worstElement(protocol, config, a, ref.reference, bounds, true, false);
      if (any !== undefined && (this.worstWrap === undefined || magnitude(any) > this.worstWrap.abs))
        this.worstWrap = { a, w: any, abs: magnitude(any) };
    }
  }

  verdict(): ValueVerdict {
    const p = this.bounds.wrap?.probability;
    const wrapAllowed = p === undefined ? 0 : binomialUpperQuantile(this.elements, p);
    // the worst measured element; the worst wrap only when wraps are what fails
    const wrapsFail = this.violations === 0 && this.wrapEvents > wrapAllowed;
    const pick = wrapsFail ? this.worstWrap : this.worst;
    const worst =
      pick === undefined
        ? undefined
        : {
            ...pick.w,
            inputs: inputsAt(
              this.protocol,
              this.config,
              pick.a.case,
              pick.a.outputs[pick.w.output]!.data.length,
              pick.w.index,
            ),
          };
    return {
      ok: this.cases > 0 && this.violations === 0 && this.wrapEvents <= wrapAllowed,
      elements: this.elements,
      maxUlps: this.maxUlps,
      maxAbs: this.maxAbs,
      wrapEvents: this.wrapEvents,
      wrapAllowed,
      violations: this.violations,
      failingCases: this.failingCases,
      ...(worst === undefined ? {} : { worst }),
      approximation: {
        ok: this.approxOk,
        maxAbsError: this.approxMax,
        ...(this.approxFirst === undefined ? {} : { firstViolation: this.approxFirst }),
      },
    };
  }
}
