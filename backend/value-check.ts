// The value verdict of one op over all its cases (issue 17 §2), with the built-in checks of
// harness/compare.ts: each output within the spec's implementation bound of the reference — the bound
// for the case's shapes, or each element's own where the spec derives bounds for the very inputs —
// except wrap events, whose count (of elements, or of rows where the spec says a wrap spoils a row)
// over every case must stay within the binomial allowance of the spec's wrap probability; and the
// reference within the approximation bound of the ideal. It keeps the worst element and its inputs.
import type { RingTensor } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import { checkApproximation, checkImplementation, isWrap } from '../harness/compare.ts';
import { decodeByScale, scaleUlp } from '../harness/scale.ts';
import { binomialUpperQuantile } from '../harness/stats.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Bounds, ElementBounds } from '../spec/types.ts';
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
  /** Wrap events counted by `wrapUnit` (elements, or rows), and how many the spec allows in all. */
  readonly wrapEvents: number;
  readonly wrapUnit: 'element' | 'row';
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

/** What a case is judged against: the reference and ideal outputs, and the bounds for its inputs. */
export interface ReferenceOutputs {
  readonly reference: Outputs;
  readonly ideal: Readonly<Record<string, Float64Array>>;
  readonly bounds: Bounds;
  /** Each element's own bounds, where the spec derives them for these inputs. */
  readonly points?: Readonly<Record<string, ElementBounds>>;
}

export function referenceOutputs(protocol: BoundProtocol, config: Config, c: BackendCase): ReferenceOutputs {
  const decoded = Object.fromEntries(
    protocol.inputs().map((d) => [d.name, decodeByScale(c.inputs[d.name]!, d.scale, config)]),
  );
  const points = protocol.pointBounds?.(config, c.shapes, decoded);
  return {
    reference: protocol.reference(config, c.inputs, c.shapes),
    ideal: protocol.ideal(config, decoded, c.shapes),
    bounds: protocol.bounds(config, c.shapes),
    ...(points === undefined ? {} : { points }),
  };
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, ''));

/**
 * The inputs behind output element `index`: the row it belongs to for a row-wise input, else the same
 * element, the row it reduces, or the element it expands.
 */
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
      const row = (r: number, length: number): string => {
        const shown = Array.from(v.slice(r * length, r * length + Math.min(length, 4)), fmt);
        return `${d.name}[row ${r}] = [${shown.join(', ')}${length > 4 ? ', …' : ''}]`;
      };
      const rowLength = t.shape[t.shape.length - 1] ?? 1;
      if (n === outSize && protocol.rows?.inputs.includes(d.name) === true)
        return row(Math.floor(index / rowLength), rowLength);
      if (n === outSize) return `${d.name} = ${fmt(v[index]!)}`;
      if (n > outSize && n % outSize === 0) return row(index, n / outSize);
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
  ref: ReferenceOutputs,
  wraps = false,
  describe = true,
): WorstElement | undefined {
  let worst: WorstElement | undefined;
  let worstAbs = -1n;
  const { bounds } = ref;
  for (const d of protocol.outputs()) {
    const got = a.outputs[d.name]!;
    const reference = ref.reference[d.name]!;
    const own = ref.points?.[d.name]?.implementationUlps;
    const ulp = scaleUlp(d.scale, config);
    for (let i = 0; i < got.data.length; i++) {
      const diff = BigInt.asIntN(config.ell, got.data[i]! - reference.data[i]!);
      const abs = diff < 0n ? -diff : diff;
      if (abs <= worstAbs) continue;
      const ulps = BigInt(own === undefined ? bounds.implementationUlps : Math.ceil(own[i]!));
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
        reference: Number(BigInt.asIntN(config.ell, reference.data[i]!)) * ulp,
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
  answered: readonly AnsweredCase[],
  references: readonly ReferenceOutputs[],
  count: number,
  wraps = false,
): WorstElement[] {
  return answered
    .map((a, k) => worstElement(protocol, config, a, references[k]!, wraps))
    .filter((w): w is WorstElement => w !== undefined)
    .sort((x, y) => (magnitude(y) > magnitude(x) ? 1 : magnitude(y) < magnitude(x) ? -1 : 0))
    .slice(0, count);
}

type Kept = { readonly a: AnsweredCase; readonly w: WorstElement; readonly abs: bigint };

/** The value verdict built case by case, as answers arrive (the runner checks while the backend computes). */
export class ValueTally {
  private elements = 0;
  private maxUlps = 0;
  private maxAbs = 0;
  private wrapCount = 0;
  private wrapUnits = 0;
  private wrapProbability = 0;
  private wrapUnit: 'element' | 'row' = 'element';
  private violations = 0;
  private readonly failingCases: string[] = [];
  private approxOk = true;
  private approxMax = 0;
  private approxFirst: string | undefined;
  private cases = 0;
  /** The worst measured element and the worst wrap, with their case (described at the end). */
  private worst: Kept | undefined;
  private worstWrap: Kept | undefined;

  constructor(
    private readonly protocol: BoundProtocol,
    private readonly config: Config,
  ) {}

  add(a: AnsweredCase, ref: ReferenceOutputs): void {
    const { protocol, config } = this;
    const { bounds } = ref;
    this.cases += 1;
    let failed = false;
    for (const decl of protocol.outputs()) {
      const got = a.outputs[decl.name]!;
      const reference = ref.reference[decl.name]!;
      const point = ref.points?.[decl.name];
      const check = checkImplementation(got, reference, bounds, point?.implementationUlps);
      this.elements += got.data.length;
      this.wrapCount += check.wrapCount;
      this.wrapUnits += check.wrapUnits;
      this.wrapProbability = Math.max(this.wrapProbability, check.wrapUnitProbability);
      if (check.wrapUnit === 'row') this.wrapUnit = 'row';
      this.violations += check.violations;
      if (check.violations > 0) failed = true;
      this.maxUlps = Math.max(this.maxUlps, check.maxUlps);
      this.maxAbs = Math.max(this.maxAbs, check.maxUlps * scaleUlp(decl.scale, config));
      const refDecoded = decodeByScale(reference, decl.scale, config);
      const approx = checkApproximation(refDecoded, ref.ideal[decl.name]!, bounds, point?.approximation);
      this.approxMax = Math.max(this.approxMax, approx.maxAbsError);
      if (!approx.ok) {
        this.approxOk = false;
        const v = approx.firstViolation!;
        this.approxFirst ??= `case ${a.case.id}: ${decl.name}[${v.index}]: reference ${v.reference} vs ideal ${v.ideal}, bound ${v.bound}`;
      }
    }
    if (failed) this.failingCases.push(a.case.id);
    const keep = (kept: Kept | undefined, w: WorstElement | undefined): Kept | undefined =>
      w !== undefined && (kept === undefined || magnitude(w) > kept.abs) ? { a, w, abs: magnitude(w) } : kept;
    this.worst = keep(this.worst, worstElement(protocol, config, a, ref, false, false));
    if (bounds.wrap !== undefined)
      this.worstWrap = keep(this.worstWrap, worstElement(protocol, config, a, ref, true, false));
  }

  verdict(): ValueVerdict {
    const wrapAllowed =
      this.wrapProbability === 0 ? 0 : binomialUpperQuantile(this.wrapUnits, this.wrapProbability);
    // the worst measured element; the worst wrap only when wraps are what fails
    const wrapsFail = this.violations === 0 && this.wrapCount > wrapAllowed;
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
      ok: this.cases > 0 && this.violations === 0 && this.wrapCount <= wrapAllowed,
      elements: this.elements,
      maxUlps: this.maxUlps,
      maxAbs: this.maxAbs,
      wrapEvents: this.wrapCount,
      wrapUnit: this.wrapUnit,
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
