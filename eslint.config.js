import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { dirname, join, normalize, relative } from 'node:path';

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

/**
 * A feature folder (renderer/src/features/X) is used from outside only through its index:
 * '@renderer/features/X' or a relative path to the folder itself, never a file inside it.
 * Checked on the resolved path, so '../X/file' and '@renderer/features/X/file' are both
 * caught, while a feature's own files import each other freely.
 */
const FEATURES = 'renderer/src/features/';
const featureBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      deep: "Import the {{feature}} feature through its index ('@renderer/features/{{feature}}') or its light entry ('@renderer/features/{{feature}}/light'), not its files.",
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const own = file.startsWith(FEATURES) ? file.slice(FEATURES.length).split('/')[0] : null;
    const check = (node) => {
      const spec = node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (!spec) return;
      let target;
      if (spec.startsWith('@renderer/')) target = `renderer/src/${spec.slice('@renderer/'.length)}`;
      else if (spec.startsWith('.')) target = normalize(join(dirname(file), spec));
      else return;
      target = target.split('\\').join('/');
      if (!target.startsWith(FEATURES)) return;
      const [feature, ...inside] = target.slice(FEATURES.length).split('/');
      if (!feature || feature === own) return;
      // index.ts is a feature's public entry; light.ts, where a feature has one, is the part
      // other screens show on their first paint, kept apart from the feature's heavy code.
      if (
        inside.length === 0 ||
        (inside.length === 1 && /^(index|light)(\.tsx?)?$/.test(inside[0]))
      )
        return;
      context.report({ node: node.source, messageId: 'deep', data: { feature } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'node_modules/**',
      '.tsbuild/**',
    ],
  },
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
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { tizilim: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'tizilim/feature-boundaries': 'error' },
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
