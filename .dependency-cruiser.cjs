// Layering from DESIGN.md: core < spec < reference < protocols < registry < harness < (properties, vectors, audit, report) < (cli, api),
// with runtime (parties, network, dealer) above core and spec and below protocols, and backend (the conformance of other
// engines: protocol, runner, defect identification) above the suites it builds on and below cli.
// No cycles anywhere; no folder imports a layer above it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: '^(runtime|spec|reference|protocols|registry|harness|properties|vectors|audit|report|backend|cli)/',
      },
    },
    {
      name: 'spec-imports-core-only',
      severity: 'error',
      from: { path: '^spec/' },
      to: { path: '^(runtime|reference|protocols|registry|harness|properties|vectors|backend|cli)/' },
    },
    {
      name: 'reference-below-protocols',
      severity: 'error',
      from: { path: '^reference/' },
      to: { path: '^(runtime|protocols|registry|harness|properties|vectors|backend|cli)/' },
    },
    {
      name: 'protocols-below-registry',
      severity: 'error',
      from: { path: '^protocols/' },
      to: { path: '^(registry|harness|properties|vectors|backend|cli)/' },
    },
    {
      name: 'registry-knows-no-harness',
      severity: 'error',
      from: { path: '^registry/' },
      to: { path: '^(harness|properties|vectors|backend|cli)/' },
    },
    {
      name: 'runtime-below-protocols',
      severity: 'error',
      from: { path: '^runtime/' },
      to: { path: '^(reference|protocols|registry|harness|properties|vectors|backend|cli)/' },
    },
    {
      name: 'harness-below-suites',
      severity: 'error',
      from: { path: '^harness/' },
      to: { path: '^(properties|vectors|backend|cli)/' },
    },
    {
      name: 'harness-below-cli',
      severity: 'error',
      from: { path: '^(properties|vectors)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'suites-below-backend',
      severity: 'error',
      from: { path: '^(properties|vectors|audit|report)/' },
      to: { path: '^(backend|cli)/' },
    },
    {
      name: 'backend-below-cli',
      severity: 'error',
      from: { path: '^backend/' },
      to: { path: '^cli/' },
    },
    {
      name: 'api-is-the-top',
      comment: 'api/ is the package entry point (package.json exports): nothing inside imports it',
      severity: 'error',
      from: { pathNot: '^(api|test)/' },
      to: { path: '^api/' },
    },
  ],
  options: {
    includeOnly:
      '^(api|core|runtime|spec|reference|protocols|registry|harness|properties|vectors|audit|report|backend|cli|bench|test)/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
