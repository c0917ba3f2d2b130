import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the repository's schema.graphql: each screen writes its operations with
 * `graphql(...)` beside its code, and `npm run codegen:web` (run by `build:web`) types them.
 * Documents are emitted as strings (no GraphQL runtime in the bundle); enums as string unions.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', ID: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
