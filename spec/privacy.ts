// View privacy: the definition every protocol is audited against (DESIGN.md "Privacy"; issue 4), and
// what a spec may declare about it. Semi-honest adversary, one corrupted party, honest dealer.
//
//   view_i = (inputs_i, tape_i, preprocessing_i, received_i): party i's inputs and input shares, every
//            draw of its random tapes (its own and its zero-sharing pair tapes), its dealer material, and
//            every message it received, in order.
//   private: for every party i, the distribution of view_i over all randomness (input sharing, dealer,
//            every tape) depends on the secrets only through what party i may know anyway —
//              • its own clear inputs (owner inputs it holds) and the public inputs,
//              • the clear outputs delivered to it (the ideal, reference value),
//              • what the spec declares the protocol deliberately reveals (`reveals`),
//            and on nothing else; shapes and parameters are public. Shared outputs reveal nothing: an
//            output share is computed from the view, so it is covered by the view.
// The audit (audit/, docs/privacy.md) checks it for every party three ways: exact linear relations between
// the view and the secrets in the full ring, exhaustively in tiny rings (exact distributions, all secrets
// and all hidden randomness), and statistically in the full ring (two-sample tests at fixed seeds).
import type { RingTensor } from '../core/ring.ts';
import type { Shape } from '../core/shape.ts';
import type { Config } from './config.ts';

type Shapes = Readonly<Record<string, Shape>>;

export const PRIVACY_DEFINITION =
  "A party's view is its inputs and shares, its random tapes, its preprocessing material and every message it received, in order. " +
  "A protocol is private (semi-honest, one corrupted party, honest dealer) when each party's view has a distribution that depends only on that party's own inputs, the outputs delivered to it and what the spec declares it reveals.";

/** What a spec may say about its privacy; every field is optional and the defaults are the safe ones. */
export interface PrivacyDecl<P> {
  /**
   * Deliberate leakage beyond shapes, parameters and clear outputs (e.g. an opened comparison bit), as a
   * function of the clear inputs; the audit compares views only between secrets that reveal the same.
   */
  readonly reveals?: {
    /** In words, for reports. */
    readonly what: string;
    /** Parties it is revealed to (default: every party). */
    readonly to?: (config: Config, params: P) => readonly number[];
    readonly value: (
      config: Config,
      params: P,
      inputs: Readonly<Record<string, RingTensor>>,
      shapes: Shapes,
    ) => readonly RingTensor[];
  };
  /**
   * Why exhaustive enumeration does not apply (e.g. masks drawn as reals: statistical security only).
   * The other modes still run, and the verdict says the exhaustive one did not. Without it, the audit
   * decides from the draws it sees.
   */
  readonly exhaustive?: { readonly outOfReach: string };
  /**
   * The smallest meaningful instance (`shapes(params, size)`; default 1): the exhaustive mode runs it, the
   * relation and statistical modes at least 2 (what happens across elements must be inside one view).
   */
  readonly instanceSize?: number;
  /**
   * A deliberately reproduced defect (a released-code variant, ALGORITHMS.md §5): the audit is expected
   * to find a leak, and the generic property checks that it does.
   */
  readonly knownLeak?: string;
}

/** The declaration with the parameters bound (what the generic audit sees). */
export interface BoundPrivacy {
  readonly reveals?: {
    readonly what: string;
    to(config: Config): readonly number[];
    value(
      config: Config,
      inputs: Readonly<Record<string, RingTensor>>,
      shapes: Shapes,
    ): readonly RingTensor[];
  };
  readonly exhaustiveOutOfReach?: string;
  readonly instanceSize: number;
  readonly knownLeak?: string;
}

export function bindPrivacy<P>(decl: PrivacyDecl<P> | undefined, params: P): BoundPrivacy {
  const r = decl?.reveals;
  return {
    ...(r === undefined
      ? {}
      : {
          reveals: {
            what: r.what,
            to: (config: Config) =>
              r.to?.(config, params) ?? Array.from({ length: config.parties }, (_, i) => i),
            value: (config: Config, inputs: Readonly<Record<string, RingTensor>>, shapes: Shapes) =>
              r.value(config, params, inputs, shapes),
          },
        }),
    ...(decl?.exhaustive === undefined ? {} : { exhaustiveOutOfReach: decl.exhaustive.outOfReach }),
    instanceSize: decl?.instanceSize ?? 1,
    ...(decl?.knownLeak === undefined ? {} : { knownLeak: decl.knownLeak }),
  };
}
