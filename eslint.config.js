import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_AND_STORAGE = [
  'react',
  'react-dom',
  'react-*',
  'dexie',
  'dexie-*',
  'electron',
  'i18next',
  'react-i18next',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'coverage/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters for the React Compiler, which this app does not use; TanStack Table and
      // Virtual are the architecture's choice for large tables.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // CommonJS on purpose: the CouchDB design document's source and the sync test server's
    // process (express-pouchdb is CommonJS).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Benchmark and e2e code runs functions inside the page (page.evaluate).
    files: ['scripts/bench-*.mjs', 'test/e2e/**/*.ts', 'test/bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Boundaries from architecture.md: shared/ is pure, renderer/ never reaches into the main
  // process, electron/ may use shared/ only.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_AND_STORAGE,
              message: 'shared/ is pure TypeScript: no React, Dexie, Electron or i18n runtime.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'shared/ runs everywhere: no Node APIs.',
            },
            {
              group: [
                '**/renderer/**',
                '**/electron/**',
                '@renderer/**',
                '@electron/**',
                '@test/**',
              ],
              message: 'shared/ imports nothing from renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/electron/**', '../**/electron', '@electron/**', '@test/**'],
              message: 'renderer/ never imports electron/: go through src/platform.',
            },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/renderer/**',
                '@renderer/**',
                '@test/**',
                'react',
                'react-*',
                'dexie',
                'dexie-*',
              ],
              message: 'electron/ may import shared/ only.',
            },
          ],
        },
      ],
    },
  },
);
