// The parameter sets the kernels are checked and tabulated under (issue 6): every registered kernel
// under its defaults and its spec's declared `variants`, from the registry, plus parameter sets that are
// deliberately not spec variants:
//   - released-code forms that reproduce a known defect (SecFormer's statistically masked sine, CrypTen's
//     `pow` reading of erf): as variants the generic privacy property and the vectors would carry them
//     as if they were correct protocols;
//   - edge settings kept out of the generic properties for time (one Goldschmidt iteration, more Newton
//     iterations, a short sine period).
import { REGISTRY } from '../registry/index.ts';

export interface KernelCase {
  readonly id: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export const KERNEL_EXTRAS: readonly KernelCase[] = [
  { id: 'sin', params: { variant: 'secformer', period: 20, frequencies: [1, 2, 3, 4, 5, 6, 7] } },
  { id: 'erf', params: { powers: 'crypten-pow' } },
  { id: 'reciprocal_nr_pos', params: { iterations: 13 } },
  { id: 'reciprocal_goldschmidt', params: { t: 1, eta: 0.5 } },
  { id: 'reciprocal_goldschmidt', params: { t: 3, eta: 1 } },
  { id: 'inv_sqrt_goldschmidt', params: { t: 2, eta: 1 } },
  { id: 'sin', params: { variant: 'ring', period: 16, frequencies: [1, 7] } },
];

/** Every kernel's defaults and variants, then the extras. */
export function kernelCases(): KernelCase[] {
  const registered = REGISTRY.filter((p) => p.elementwise).flatMap((p) => [
    { id: p.id, params: {} },
    ...p.variants.map((v) => ({ id: p.id, params: v })),
  ]);
  return [...registered, ...KERNEL_EXTRAS];
}
