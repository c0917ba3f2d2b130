// @ts-check
// Flat config. Recommended rules only, without type information: the type-checked presets would
// double the time of `npm run lint`, and `npm run typecheck` already runs the compiler.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Node's CommonJS globals, for the few plain JavaScript config files (no `globals` dependency). */
const nodeCommonJsGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
};

/** Where SQL may be written: repositories, migrations, the unit of work itself, database tooling. */
const DATA_ACCESS_LAYER = [
  '**/*.repository.ts',
  '**/migrations/**',
  'libs/core/src/database/**',
  'libs/audit/src/cli/**',
];
/** Test code: tests talk to the database and the app however they need to. */
const TEST_CODE = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**', 'libs/testing/**', 'bench/**'];
/** Packages that put bytes in front of someone: only an output channel of the gate may use them. */
const OUTPUT_SINKS = ['nodemailer', 'pdfkit'];
const SQL_OUTSIDE_REPOSITORY = "SQL is sent only by the context's data-access layer (a *.repository.ts or a migration).";
const OUTPUT_AROUND_THE_GATE = 'Output leaves only through the output gate (present()) and its registered channels.';

export default defineConfig(
  { ignores: ['dist/**', '.data/**', 'node_modules/**', 'coverage/**'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Data access and outputs (issue "Before the document contexts"): SQL is sent only by a context's
    // data-access layer, and records leave only through the output gate's channels.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...DATA_ACCESS_LAYER, ...TEST_CODE],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='query']", message: SQL_OUTSIDE_REPOSITORY },
        { selector: "Decorator[expression.callee.name=/^(Res|Response)$/]", message: OUTPUT_AROUND_THE_GATE },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'pg', message: SQL_OUTSIDE_REPOSITORY, allowTypeImports: true },
            {
              name: 'typeorm',
              importNames: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner', 'getRepository', 'createQueryBuilder'],
              message: SQL_OUTSIDE_REPOSITORY,
              allowTypeImports: true,
            },
            ...OUTPUT_SINKS.map((name) => ({ name, message: OUTPUT_AROUND_THE_GATE, allowTypeImports: true })),
          ],
        },
      ],
    },
  },
  {
    // Tests: mocks and spies reach into objects, build deliberately malformed inputs, and use
    // `expect.anything()`-style values whose precise types add nothing.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeCommonJsGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off every stylistic rule that Prettier owns.
  prettier,
);
