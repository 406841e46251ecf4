import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'tls', 'worker_threads', 'cluster', 'process', 'stream', 'util', 'events', 'timers', 'vm'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.data/**', '.tools/**', '**/dist/**', 'test-output/**', 'designer/dist/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no I/O, no clock, no randomness.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflow code is sandboxed: no Node built-ins.' })),
          { name: 'typeorm', message: 'No database access in workflow code.' },
          { name: 'pg', message: 'No database access in workflow code.' }],
        patterns: [{ group: ['@nestjs/*'], message: 'No NestJS in workflow code.' },
          { group: ['**/activities', '**/activities/**', '@orderpath/activities', '@orderpath/activities/*'], allowTypeImports: true, message: 'Import activities as types only (import type).' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use workflow time (the sandbox Date) only via ports.' },
        { object: 'Math', property: 'random', message: 'Non-deterministic: not allowed in workflow code.' }],
    },
  },
);
