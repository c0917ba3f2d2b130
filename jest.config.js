/**
 * Two projects: `unit` (pure code beside the sources) and `e2e` (the real Nest app over HTTP against a
 * real PostgreSQL; the global setup prepares a migrated template database that each test file clones).
 */
const swc = [
  '@swc/jest',
  {
    // Aliases come from moduleNameMapper; .swcrc (for the build) is not read here.
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: false },
  },
];
const moduleNameMapper = {
  '^@chancery/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@chancery/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// NestJS 12 and a few of its dependencies ship as ES modules only; Jest's module system (before
// Node 24.9) cannot require them, so they are compiled to CommonJS like our own code (@fastify/static
// for the content-disposition inside it).
const ESM_ONLY_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', '@borewit', 'uint8array-extras', '@noble', '@scure', 'otplib', '@otplib', '@as-integrations', '@fastify/static', 'content-disposition'];
const common = {
  transform: { '^.+\\.(t|m?j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  // Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
  setupFiles: ['reflect-metadata', '<rootDir>/libs/testing/src/jest/graphql-as-in-production.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  // Per-project testTimeout is ignored by Jest; end-to-end files start an app and hash passwords, and
  // in CI they share two cores with the browser tests: a limit for a hung test, not a speed target.
  testTimeout: 300000,
  // At least two workers, even where Jest would pick one (two cores: cores - 1): with one, Jest runs
  // every file in its own process, in band, and the end-to-end files' Nest, TypeORM and GraphQL
  // metadata added up past V8's heap limit (a fresh clone's `npm test` died out of memory after 720 s).
  // A worker is replaced once it holds more than 1.5 GB after a file.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  workerIdleMemoryLimit: '1536MB',
  // Jest's default half second for a worker to exit after the last file was too short for ours: an
  // end-to-end worker holds up to 1.5 GB, and tearing down such a heap on two busy cores took longer,
  // so every run ended with "A worker process has failed to exit gracefully" though no file left a
  // handle open (each file's leftovers listed after its afterAll: none; with 5 s the message is gone).
  workerGracefulExitTimeout: 5000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/database/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/database/global-teardown.ts',
    },
  ],
};
