import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the committed schema: no server needs to run for this.
const config: CodegenConfig = {
  schema: '../packages/graphql-schema/schema.graphql',
  documents: ['src/**/*.graphql.ts'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>', JSON: 'unknown' },
      },
    },
  },
};
export default config;
