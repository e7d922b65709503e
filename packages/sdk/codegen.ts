import type { CodegenConfig } from '@graphql-codegen/cli';
import * as sdkPlugin from './codegen/sdk-plugin.ts';

// The schema is the API's emitted contract; the generated files are not committed (turbo task `codegen`).
const schema = '../../apps/api/schema.graphql';

// Types only: scalars as the JSON the API sends, enums as string unions (nothing at run time).
const types = {
  enumsAsTypes: true,
  useTypeImports: true,
  scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
  strictScalars: true,
};

const config: CodegenConfig = {
  schema,
  overwrite: true,
  // The SDK's own plugin is loaded from source; every other name resolves as codegen would.
  pluginLoader: async (name: string) => (name === 'seminarhub-sdk' ? sdkPlugin : import(name)),
  generates: {
    'src/generated/graphql.ts': {
      documents: 'operations/*.graphql',
      plugins: ['typescript-operations'],
      config: types,
    },
    'src/generated/operations.ts': {
      documents: 'operations/*.graphql',
      plugins: ['seminarhub-sdk'],
    },
    // Documents written in the tests with `graphql()`, as a third party would against the published schema.
    'test/generated/': {
      documents: ['src/**/*.test.ts', 'test/**/*.ts', '!test/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { ...types, documentMode: 'string' },
    },
  },
};

export default config;
