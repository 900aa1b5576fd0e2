// The public API of the mpcspec package (package.json "exports"; the CLI is built on the same modules):
// - the registry: every protocol id, with its spec, reference and message-passing protocol bound together;
// - running one case: a protocol and its reference on seeded or given inputs, checked against the spec;
// - test vectors: the tensor codec, reading a vector file without trusting it, and the bit-exact verifier;
// - the view-privacy audit of one protocol.
// Everything else in dist/ is internal and may change between versions.
export { REGISTRY, findProtocol } from '../registry/index.ts';
export type { BoundProtocol, RegisteredProtocol } from '../registry/index.ts';
export { PROFILES, type Profile } from '../spec/profile.ts';
export { type Config, resolveConfig } from '../spec/config.ts';
export { MpcspecError, type ErrorKind } from '../core/errors.ts';

export { type RunCaseRequest, runCase } from '../harness/run-case.ts';
export type { CaseSummary } from '../harness/summary.ts';

export {
  type TensorJson,
  type TensorParts,
  ringFromJson,
  tensorFromJson,
  tensorParts,
  tensorToJson,
} from '../vectors/format/tensor.ts';
export type { TestCaseJson, TestGroupJson, VectorFileJson } from '../vectors/format/vector-file.ts';
export { type FileProblem, formatProblem, loadVectorFile } from '../vectors/verify/load.ts';
export {
  type CaseCheck,
  type FileReport,
  verifyPath,
  verifyVectorFile,
} from '../vectors/verify/verify-file.ts';
export { checkPaths, splitPath } from '../vectors/blind/files.ts';

export { type AuditOptions, auditViews } from '../audit/audit-views.ts';
export { describeVerdict, verdictLine } from '../audit/describe.ts';
export type { PartyVerdict, ViewVerdict } from '../audit/verdict.ts';
