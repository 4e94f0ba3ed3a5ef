import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema comes from the running service by introspection (on in Development), so the generated types
// are those of the service the example talks to, not of a copy that may have drifted.
const url = process.env.CODESCAN_URL ?? 'http://127.0.0.1:5080/graphql';

const config: CodegenConfig = {
  schema: url,
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  // Imports with `.js`, which Node's ES modules (tsconfig "module": "NodeNext") require.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Fail on a custom scalar the service adds that is not mapped here, rather than typing it `any`.
        strictScalars: true,
        scalars: {
          // GraphQL.NET writes Long as a JSON number. Amounts are minor units, well inside 2^53.
          Long: { input: 'number', output: 'number' },
          // ISO 8601 with an offset, e.g. "2025-01-31T08:00:00+00:00".
          DateTimeOffset: { input: 'string', output: 'string' },
          // A calendar date without a time or zone, e.g. "2025-01-31" (merchantSales' range and periods).
          Date: { input: 'string', output: 'string' },
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
