import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Raw IPC and shell.openExternal are allowed only in their one wrapper each. */
const ipcWrappers = ['electron/shell/ipcTransport.ts', 'electron/shell/preload.ts'];
const openExternalWrapper = 'electron/shell/openExternal.ts';

const restrictedElectron = {
  name: 'electron',
  message: 'Only electron/shell may import electron; services and the renderer reach the OS through ports.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.emulator-data/**',
      'bench/data/**',
      'eslint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [restrictedElectron],
          patterns: [
            {
              group: ['**/electron/**', 'node:*'],
              message: 'The renderer knows only the contract in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'shared/**/*.ts', 'electron/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [restrictedElectron] }] },
  },
  {
    files: ['electron/shell/**/*.ts'],
    ignores: [...ipcWrappers, openExternalWrapper],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the contract transport (ipcTransport.ts / preload.ts), never raw IPC.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal'][object.name='shell']",
          message: 'Open links only through openExternalSafely (electron/shell/openExternal.ts).',
        },
      ],
    },
  },
  {
    files: ipcWrappers,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal'][object.name='shell']",
          message: 'Open links only through openExternalSafely (electron/shell/openExternal.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
