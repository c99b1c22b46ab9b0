// ESLint flat config: typescript-eslint on every workspace, plus the architecture's one
// import boundary — the apps may import only @vitrina/contracts from the server side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appBoundary = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['@vitrina/edge-server', '@vitrina/edge-server/*', '@vitrina/models', '@vitrina/models/*'], message: 'Apps import only @vitrina/contracts from the server side.' },
      { group: ['**/edge-server/src/**', '**/models/src/**', '../../src/**'], message: 'Apps import only @vitrina/contracts from the server side.' },
    ],
  }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dev-dist/**', 'test-results/**', 'playwright-report/**', 'data/**', 'models/artifacts/**', '**/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      // Input sanitizers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['kiosk/**/*.{ts,tsx}', 'signage/**/*.{ts,tsx}', 'edge-server/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    rules: appBoundary,
  },
  {
    // Contracts are shared with browsers: no Node-only modules.
    files: ['edge-server/contracts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto'], message: 'Contracts must run in browsers too.' }] }] },
  },
  {
    // ...and the main entry with Node too: browser-only code lives in contracts/client.
    files: ['edge-server/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto'], message: 'Contracts must run in browsers too.' },
          { group: ['preact', 'preact/*', 'socket.io-client', '../client/**'], message: 'Browser-only code goes in @vitrina/contracts/client.' },
        ],
      }],
    },
  },
  {
    files: ['edge-server/contracts/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
