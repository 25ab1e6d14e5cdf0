import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Raw IPC and shell.openExternal are allowed only in their one wrapper each. */
const ipcWrappers = ['electron/shell/ipcTransport.ts', 'electron/shell/preload.ts'];
const openExternalWrapper = 'electron/shell/openExternal.ts';

/** Tests, their support code, end-to-end specs and benchmarks may import anything. */
const testCode = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'e2e/**/*.ts', 'bench/**/*.ts'];

const restrictedElectron = {
  name: 'electron',
  message: 'Only electron/shell may import electron; services and the renderer reach the OS through ports.',
};

/** Test support (`testing/` folders, `*.test` files) is for tests, never for the code they test. */
const noTestSupport = {
  group: ['**/testing', '**/testing/**', '*.test', '**/*.test', '*.test.*', '**/*.test.*'],
  message: 'Production code may not import test support (testing/ folders or *.test files).',
};

const noEmulator = {
  group: ['**/emulator', '**/emulator/**'],
  message: 'The emulator is a test double and demo backend: production code never imports it.',
};

const noShell = {
  group: ['**/shell', '**/shell/**'],
  message: 'Only the Electron entry knows electron/shell; services and browser mode stay Electron-free.',
};

/** Each renderer feature's public files: what other features may import from it. */
const featurePublicFiles = {
  catalog: ['catalogFormat', 'catalogStates', 'navigationStore', 'usePageLoad'],
  files: ['FilesView'],
  jobs: ['ExportButton'],
  preview: ['PreviewGrid', 'TablePreview', 'gridRows', 'preview.css', 'previewStore', 'viewColumns'],
  queries: ['QueryWorkbench', 'queriesStore'],
  session: ['GrantAccessButton', 'sessionStore'],
  settings: ['ExportFolderPicker', 'SettingsPage', 'settingsStore'],
  uploads: ['DatasetVersions', 'UploadButton'],
};

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `../<feature>/<anything but its index or public files>`, from any depth inside renderer/features. */
const featureInternals = Object.entries(featurePublicFiles).map(([feature, publicFiles]) => ({
  regex: `^(\\.\\./)+(features/)?${feature}/(?!(?:.*/)?(?:index|${publicFiles.map(escapeRegex).join('|')})$)`,
  message: `Import another feature only through its index or public files (${feature}: ${publicFiles.join(', ')}); see featurePublicFiles in eslint.config.mjs.`,
}));

/** no-restricted-imports replaces rather than merges between blocks, so each folder gets its full list. */
function restrictImports({ paths = [restrictedElectron], patterns = [] } = {}) {
  return ['error', { paths, patterns: [...patterns, noTestSupport] }];
}

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
      'no-restricted-imports': restrictImports({
        patterns: [
          {
            group: ['**/electron/**', 'node:*', '**/emulator/**'],
            message: 'The renderer knows only the contract in shared/.',
          },
        ],
      }),
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        patterns: [
          {
            group: ['**/electron/**', 'node:*', '**/emulator/**'],
            message: 'The renderer knows only the contract in shared/.',
          },
          ...featureInternals,
        ],
      }),
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports({
        patterns: [
          noShell,
          {
            group: ['**/web', '**/web/**'],
            message: 'Services are hosted by electron/web and electron/shell; they never import their hosts.',
          },
          noEmulator,
        ],
      }),
    },
  },
  {
    // One Redivis API layer: every endpoint is called from its resource module in redivis/api/,
    // which checks the answer's shape; other services call those modules, never the client.
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/redivis/**', ...testCode],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['api', 'this.api'].map((object) => ({
          selector: `CallExpression[callee.property.name=/^(get|json|page|all|send|stream)$/][callee.object${
            object === 'api' ? ".name='api'" : ".type='MemberExpression'][callee.object.property.name='api'"
          }]`,
          message:
            'Call Redivis through its resource module in electron/services/redivis/api/ (one home per endpoint, answers checked by a schema).',
        })),
      ],
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [noShell, noEmulator] }) },
  },
  {
    // The browser-mode command line is the development entry: `--demo` starts the emulator.
    files: ['electron/web/cli.ts'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [noShell] }) },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports({
        patterns: [
          {
            group: [
              'node:*',
              '**/electron',
              '**/electron/**',
              '**/renderer/**',
              '**/emulator/**',
              '**/scripts/**',
              '../../*',
              '!../../shared',
              '!../../shared/**',
            ],
            message:
              'shared/ imports only shared/ and libraries (zod, apache-arrow, …): it runs on both sides.',
          },
        ],
      }),
    },
  },
  {
    files: ['electron/shell/**/*.ts', 'emulator/**/*.ts', 'scripts/**/*.ts', '*.config.ts', '*.config.mts'],
    rules: { 'no-restricted-imports': restrictImports({ paths: [] }) },
  },
  {
    files: ['electron/shell/**/*.ts'],
    ignores: [...ipcWrappers, openExternalWrapper],
    rules: {
      'no-restricted-imports': restrictImports({
        paths: [
          {
            name: 'electron',
            importNames: ['ipcMain', 'ipcRenderer'],
            message: 'Use the contract transport (ipcTransport.ts / preload.ts), never raw IPC.',
          },
        ],
      }),
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
    files: testCode,
    rules: { 'no-restricted-imports': 'off' },
  },
);
