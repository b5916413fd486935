// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'zlib', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

/** The layers of ARCHITECTURE.md, enforced: imports only point down. */
const portable = {
  patterns: [
    pattern(nodeBuiltins, 'src/core and src/shared run anywhere: no Node built-ins.'),
    pattern(['react', 'react-dom', 'react-dom/*', '@lexical/react', '@lexical/react/*'], 'src/core and src/shared import no React.'),
    pattern(['electron', 'electron/*'], 'Only electron/ imports electron.'),
    pattern(['**/server/**', '**/renderer/**', '**/electron/**'], 'src/core and src/shared import only core and shared.'),
  ],
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'CSS']
  .map((name) => ({ name, message: 'src/core and src/shared touch no DOM globals.' }));

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
    files: ['src/core/**', 'src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', portable],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['**/server/**', '**/electron/**'], 'The renderer imports nothing from src/server or electron/.'),
          pattern(['electron', 'electron/*'], 'Only electron/ imports electron.'),
          pattern(nodeBuiltins, 'The renderer runs in the browser: no Node built-ins.'),
        ],
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
