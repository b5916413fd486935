// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layers } from './eslint/layers.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'zlib', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

/** The layers of ARCHITECTURE.md, enforced: imports only point down. */
const toolFolder = 'test/support';
const lexicalHeadless = ['lexical', '@lexical/headless', '@lexical/html', '@lexical/list', '@lexical/rich-text', '@lexical/table', '@lexical/yjs'];
/** What src/core may import: core itself and pure libraries that run anywhere (no Node, React, Electron). */
const coreImports = {
  layer: 'src/core',
  folders: ['src/core'],
  packages: [...lexicalHeadless, 'yjs', 'y-protocols/awareness', 'lib0/buffer', 'docx', 'fflate', 'diff'],
};
/** What src/shared may import: shared, core, and the schema library. */
const sharedImports = { layer: 'src/shared', folders: ['src/shared', 'src/core'], packages: ['zod'] };
/** Tests beside the code add their runner, a zip reader and the fixtures' helpers. */
const withTestTools = (allowed) => ({
  ...allowed,
  folders: [...allowed.folders, toolFolder],
  packages: [...allowed.packages, 'vitest', 'jszip', '@lexical/history', '@lexical/clipboard'],
});

/**
 * Globals core and shared may not touch: every browser global that is not also Node's (document,
 * window, getSelection, HTMLElement as a value, …), and the environment's stores and network.
 * DOM *types* stay usable (Lexical nodes need HTMLElement): the rule looks at values only.
 */
const sharedWithNode = new Set([...Object.keys(globals['shared-node-browser']), ...Object.keys(globals.es2026)]);
const domGlobals = [
  ...Object.keys(globals.browser).filter((name) => !sharedWithNode.has(name)),
  'navigator', 'localStorage', 'sessionStorage', 'fetch',
].map((name) => ({ name, message: 'src/core and src/shared touch no DOM or environment globals (STYLE.md #1).' }));

/** The import() calls the renderer keeps, each with its reason; everything else imports statically. */
/** What the renderer may not import, wherever it is. */
const rendererPatterns = [
  pattern(['**/server/**', '**/electron/**'], 'The renderer imports nothing from src/server or electron/.'),
  pattern(['electron', 'electron/*'], 'Only electron/ imports electron.'),
  pattern(nodeBuiltins, 'The renderer runs in the browser: no Node built-ins.'),
];

const allowedDynamicImports = [
  { file: 'src/renderer/app/App.tsx', source: '../features/workspace/WorkspacePage', reason: 'Code-splits the document page (Lexical, Yjs) out of the first load.' },
  { file: 'src/renderer/app/App.tsx', source: '../features/dashboard/DashboardPage', reason: 'Code-splits 统计 (the chart library) out of the first load.' },
  { file: 'src/renderer/features/print/PagedPreview.tsx', source: 'docx-preview', reason: 'The .docx preview library loads only when a preview opens.' },
  { file: 'src/renderer/features/print/PagedPreview.tsx', source: '../docx/characterScale', reason: 'Loads with docx-preview, whose output it corrects.' },
];

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'data/**'] },
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
    files: ['src/core/**', 'src/shared/**', 'src/renderer/**'],
    plugins: { layers },
    rules: { 'layers/no-dynamic-import': ['error', { allow: allowedDynamicImports }] },
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    // These tests run in happy-dom (see their first line) to paste HTML as the renderer does.
    files: ['src/core/editor/pasteFromWord.test.ts', 'src/core/editor/bodyNormalization.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals.filter(({ name }) => name !== 'DOMParser')] },
  },
  { files: ['src/core/**'], rules: { 'layers/allowed-imports': ['error', coreImports] } },
  // Test helpers beside the code (testing.ts) belong with the tests.
  { files: ['src/core/**/*.test.ts', 'src/core/**/testing.ts'], rules: { 'layers/allowed-imports': ['error', withTestTools(coreImports)] } },
  { files: ['src/shared/**'], rules: { 'layers/allowed-imports': ['error', sharedImports] } },
  { files: ['src/shared/**/*.test.ts'], rules: { 'layers/allowed-imports': ['error', withTestTools(sharedImports)] } },
  {
    // STYLE.md #8: core narrows with type guards; Yjs' loosely typed corners stay in its one adapter.
    files: ['src/core/**'],
    ignores: ['src/core/editor/headless.ts'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: rendererPatterns }] },
  },
  {
    // features/editor is the Lexical editor; other features use its public face (its index.ts) only.
    files: ['src/renderer/**'],
    ignores: ['src/renderer/features/editor/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...rendererPatterns, pattern(['**/features/editor/*', '../editor/*', '../../editor/*'],
          'Import the editor through its public face: features/editor (index.ts).')],
      }],
    },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron', 'electron/*'], 'Only electron/ imports electron.'),
          pattern(['**/renderer/**', '**/electron/**'], 'The server imports core and shared only.'),
        ],
      }],
    },
  },
  {
    files: ['test/e2e/**', 'test/bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
