// @ts-check
/**
 * The shape of the code, checked (`npx depcruise apps libs`, run by test/architecture) and drawn
 * (docs/architecture.md). Bounded contexts live in libs/<context>/src and talk to each other only
 * through each other's index (exported services and types), downwards in this order; the
 * applications compose them.
 */
const LAYERS = [
  ['core'],
  ['access'],
  ['policy'],
  ['audit', 'notifications'],
  ['webhooks'],
  ['identity'],
  ['auth'],
  ['documents'],
  ['certificates', 'datasheets'],
  ['privacy'],
];

/**
 * Light entry points of the platform that may be imported by path (pure, no Nest module behind them),
 * among them the heap settings an entry point applies before it loads anything else.
 */
const CORE_LIGHT_ENTRIES = ['^libs/core/src/crypto/', '^libs/core/src/database/row-security\\.ts$', '^libs/core/src/config/heap-settings-at-start\\.ts$'];

const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((context) => {
    const notBelow = LAYERS.slice(index).flat().filter((other) => other !== context);
    return {
      name: `${context}-imports-only-lower-contexts`,
      comment: `${context} may use only the contexts below it (${LAYERS.slice(0, index).flat().join(', ') || 'none'}).`,
      severity: /** @type {const} */ ('error'),
      from: { path: `^libs/${context}/src/` },
      to: { path: `^libs/(${[...notBelow, 'testing', 'migrations'].join('|')})/|^apps/` },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'context-internals',
      comment: "A context is reached through its index (src/index.ts), never its files: those are its internals.",
      severity: 'error',
      from: { path: '^(libs|apps)/([^/]+)/src/', pathNot: ['^libs/(testing|migrations)/', '/migrations/'] },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/$2/src/', '^libs/[^/]+/src/index\\.ts$', ...CORE_LIGHT_ENTRIES],
      },
    },
    {
      name: 'migrations-stand-alone',
      comment: 'A migration runs without the application: it imports TypeORM and the row-security helper only.',
      severity: 'error',
      from: { path: '/src/(database/)?migrations/' },
      to: { path: '^(libs|apps)/', pathNot: ['/src/(database/)?migrations/', '^libs/core/src/database/row-security\\.ts$'] },
    },
    {
      name: 'migration-list-reads-migrations-only',
      comment: 'libs/migrations lists every context’s migrations; it reaches nothing else of theirs.',
      severity: 'error',
      from: { path: '^libs/migrations/' },
      to: { path: '^libs/', pathNot: ['^libs/migrations/', '/src/(database/)?migrations/', '^libs/core/src/(config|database)/'] },
    },
    {
      name: 'production-code-never-imports-tests',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: ['^libs/testing/', '\\.spec\\.ts$'] },
      to: { path: '^(libs/testing|test)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.spec\\.ts$', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
