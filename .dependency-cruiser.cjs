// The layering Ballast keeps (docs/architecture.md explains the rooms). scripts/check-layering.mjs
// (part of `npm run check`) cruises with these rules and also refuses cycles between folders;
// test/layering.test.ts proves a planted violation fails it.

/** Test support: tests, their data and helpers, benchmarks and scripts. Production code never imports these. */
const TEST_SUPPORT = '(^test/|^bench/|^scripts/|/testdata/|\\.test\\.ts$)';
/** The engine modules state/ and providers/ may use: addresses, diagnostics, errors, values and types. */
const ENGINE_LEAVES = '^engine/(addrs|diagnostics|did-you-mean|errors|lazy-require|version-constraints|lang/(value|types|convert|json-value|big-number|json-numbers))\\.ts$';
/** Concrete stores; the engine reaches them only through state/open-store.ts. */
const CONCRETE_STORES = '^state/(local-dir-store|s3-store|s3-lock|s3-journal|s3-objects|lock-file|file-journal|atomic-file)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-test-support-in-production',
      comment: 'Production code must not import tests, test helpers, testdata, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^(engine|providers|state)/', pathNot: TEST_SUPPORT },
      to: { path: TEST_SUPPORT },
    },
    {
      name: 'state-imports-only-engine-leaves',
      comment: 'state/ depends only on the engine leaf modules (addresses, diagnostics, errors, values/types), never on providers.',
      severity: 'error',
      from: { path: '^state/', pathNot: TEST_SUPPORT },
      to: { path: '^(engine|providers)/', pathNot: ENGINE_LEAVES },
    },
    {
      name: 'providers-import-only-engine-leaves',
      comment: 'providers/ depends only on the engine leaf modules (addresses, diagnostics, errors, values/types, lazy-require).',
      severity: 'error',
      from: { path: '^providers/', pathNot: TEST_SUPPORT },
      to: { path: '^(engine|state)/', pathNot: ENGINE_LEAVES },
    },
    {
      name: 'concrete-providers-only-in-composition-root',
      comment: 'Only providers/shipped/ (the composition root) wires concrete providers; the engine sees interfaces and registries.',
      severity: 'error',
      from: { path: '^(engine|state)/', pathNot: TEST_SUPPORT },
      to: { path: '^providers/[^/]+/', pathNot: '^providers/(shipped|testdata)/' },
    },
    {
      name: 'provider-framework-imports-no-provider',
      comment: 'The shared framework (providers/*.ts) never imports a concrete provider.',
      severity: 'error',
      from: { path: '^providers/[^/]+[.]ts$', pathNot: TEST_SUPPORT },
      to: { path: '^providers/[^/]+/', pathNot: '^providers/testdata/' },
    },
    {
      name: 'providers-do-not-import-each-other',
      comment: 'A concrete provider uses the shared framework (providers/*.ts), never another provider.',
      severity: 'error',
      from: { path: '^providers/([^/]+)/', pathNot: ['^providers/shipped/', TEST_SUPPORT] },
      to: { path: '^providers/[^/]+/', pathNot: '^providers/$1/' },
    },
    {
      name: 'engine-uses-no-concrete-store',
      comment: 'The engine opens stores through state/open-store.ts and speaks state/store.ts.',
      severity: 'error',
      from: { path: '^engine/', pathNot: TEST_SUPPORT },
      to: { path: CONCRETE_STORES },
    },
    {
      name: 'apply-reads-only-plan-data',
      comment: 'apply/ reads the plan (plan.ts, actions.ts), never the planner; shared evaluation lives in engine/eval/.',
      severity: 'error',
      from: { path: '^engine/apply/' },
      to: { path: '^engine/plan/', pathNot: '^engine/plan/(plan|actions)\\.ts$' },
    },
    {
      name: 'lower-layers-do-not-import-upper',
      comment: 'lang/graph < config < eval < plan < apply < operations < agent < cli: nothing imports a layer above it.',
      severity: 'error',
      from: { path: '^engine/(lang|graph|config|eval|plan|apply|synth|sources)/', pathNot: TEST_SUPPORT },
      to: { path: '^engine/(operations|agent|cli)/' },
    },
    {
      name: 'config-and-eval-below-plan',
      comment: 'config/ and eval/ are used by the planner and apply, never the other way round.',
      severity: 'error',
      from: { path: '^engine/(lang|graph|config|eval)/', pathNot: TEST_SUPPORT },
      to: { path: '^engine/(plan|apply)/' },
    },
    {
      name: 'config-below-eval',
      severity: 'error',
      from: { path: '^engine/(lang|graph|config)/', pathNot: TEST_SUPPORT },
      to: { path: '^engine/eval/' },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^(engine|providers|state|test|bench|scripts)/',
    exclude: { path: '(cdktf\\.out|\\.ballast)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
