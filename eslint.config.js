// ESLint flat config: typescript-eslint's recommended rules over the TypeScript sources.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The generated API types (npm run codegen) are checked by tsc, not linted.
  { ignores: ['node_modules/', 'dist/', '.neo4j/', 'var/', 'coverage/', 'server/graphql/generated.ts', 'web/src/api/generated.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
