// The layering, checked in `npm run lint` (part of `npm test`). Dependencies point one way:
//   shared <- engine <- import / store / reports / demo <- services <- entry points (index, cli, worker, bridge)
//   workers (the job host) <- services;   renderer and preload -> shared only.
// Inside services: inputs <- jobs <- views <- outputs <- contract. No exceptions, no cycles (type-only imports count).

/** Layer `from` may import, inside src/, only what `allowed` matches (npm packages and Node are other rules' business). */
const only = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

const ENTRY = '^src/main/([^/]+\\.ts|bridge/)';
const NPM = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'];

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'import cycles, type-only ones too', severity: 'error', from: {}, to: { circular: true } },

    only('shared', '^src/shared/', '^src/shared/', 'src/shared is the bottom layer: contract, domain, policy, dates, units'),
    only('engine', '^src/main/engine/', '^src/(shared|main/engine)/', 'the engine is pure planning: it imports only src/shared'),
    only('import', '^src/main/import/', '^src/(shared|main/(engine|import))/', 'import/ reads and checks files and writes nothing (no store)'),
    only('store', '^src/main/store/', '^src/(shared|main/store)/', 'the store: schema, migrations, repositories over src/shared types'),
    only('reports', '^src/main/reports/', '^src/(shared|main/(engine|reports))/', 'report rendering over engine result types'),
    only('demo', '^src/main/demo/', '^src/(shared|main/(engine|demo))/', 'the demo data generator: ERP-shaped files from shared + engine'),
    only('workers', '^src/main/workers/', '^src/(shared|main/workers)/', 'the job host knows no job: the registry is handed in'),
    only(
      'services',
      '^src/main/services/',
      '^src/(shared|main/(engine|import|store|reports|demo|workers|services))/',
      'services combine the layers below; only entry points use them',
    ),
    only('services-root', '^src/main/services/[^/]+$', '^src/(shared|main/services/[^/]+$)', 'services/*.ts are shared by every part'),
    only(
      'services-inputs',
      '^src/main/services/inputs/',
      '^src/(shared|main/(engine|import|store|services/(inputs/|[^/]+$)))',
      'store + domain -> engine inputs',
    ),
    only(
      'services-jobs',
      '^src/main/services/jobs/',
      '^src/(shared|main/(engine|import|store|demo|workers|services/(inputs/|jobs/|[^/]+$)))',
      'job bodies and the plan computation they run',
    ),
    only(
      'services-views',
      '^src/main/services/views/',
      '^src/(shared|main/(engine|store|services/(inputs/|jobs/|views/|[^/]+$)))',
      'plan -> view payloads (types of the plan and the forecast from jobs)',
    ),
    only(
      'services-outputs',
      '^src/main/services/outputs/',
      '^src/(shared|main/(engine|store|reports|services/(jobs/|views/|outputs/|[^/]+$)))',
      'files: CSV, reports, exports',
    ),
    only('renderer', '^src/renderer/', '^src/(shared|renderer)/', 'the renderer talks to main only through the contract'),
    only('preload', '^src/preload/', '^src/(shared|preload)/', 'the preload exposes the typed client, nothing else'),
    {
      name: 'entry-points-are-not-imported',
      comment: 'index, cli, worker, bridge and their helpers (args, paths, security) are used only by each other and tests',
      severity: 'error',
      from: { path: '^src/', pathNot: ENTRY },
      to: { path: ENTRY },
    },
    { name: 'src-not-test', comment: 'the app never imports test code', severity: 'error', from: { path: '^src/' }, to: { path: '^test/' } },

    // Node and packages: what tsconfig.shared.json / tsconfig.renderer.json check for types, checked here for imports.
    {
      name: 'no-node-builtins',
      comment: 'shared and the engine run anywhere (renderer, worker, tests); the renderer is sandboxed',
      severity: 'error',
      from: { path: '^src/(shared|main/engine|renderer)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'zod-only',
      comment: 'shared uses zod and no other package (the engine none at all: next rule)',
      severity: 'error',
      from: { path: '^src/(shared|main/engine)/' },
      to: { dependencyTypes: NPM, pathNot: '(^|/)node_modules/zod/' },
    },
    { name: 'engine-no-packages', severity: 'error', from: { path: '^src/main/engine/' }, to: { dependencyTypes: NPM } },
    {
      name: 'reports-engine-types-only',
      comment: 'reports render results; they do not compute them',
      severity: 'error',
      from: { path: '^src/main/reports/' },
      to: { path: '^src/main/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|release|test-output)/' },
    tsPreCompilationDeps: true,
    // node_modules may be a symlink (git worktrees share one): name packages by their path here, not the link's target
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
