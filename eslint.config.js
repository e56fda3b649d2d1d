// Layering (docs: architecture in README): imports point one way only.
// model <- config, engine <- daemon <- http, cli <- main. effects implement model ports.
// render (monit's text layouts) sits beside http and cli: both print the same pages from facade types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      // One group, so a later '!path' exempts that path from an earlier glob (gitignore rules).
      patterns: [{ group: forbidden, message }],
    }],
  },
});

// Only entry points may touch process.argv/env/exit and the console.
const noProcessGlobals = {
  files: ['src/**/*.ts'],
  ignores: ['src/main.ts', 'src/cli/main.ts'],
  rules: {
    'no-console': 'error',
    'no-restricted-properties': ['error',
      { object: 'process', property: 'argv', message: 'Only entry points read argv.' },
      { object: 'process', property: 'env', message: 'Only entry points read the environment.' },
      { object: 'process', property: 'exit', message: 'Only entry points exit.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-output/', 'web/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  noProcessGlobals,
  layer(['src/model/**'], ['../*', '!../model/*', 'node:*', 'fs', 'child_process', 'net'],
    'model imports nothing local and no I/O.'),
  layer(['src/engine/**'], ['../config/*', '../render/*', '../effects/*', '../daemon/*', '../http/*', '../cli/*', 'node:*', 'fs', 'child_process', 'net', 'pino', 'pidusage'],
    'engine is pure: it imports model only.'),
  layer(['src/config/**'], ['../engine/*', '../render/*', '../effects/*', '../daemon/*', '../http/*', '../cli/*'],
    'config depends on model only.'),
  layer(['src/effects/**'], ['../engine/*', '../render/*', '../daemon/*', '../http/*', '../cli/*', '../config/*'],
    'effects implement model ports; they never import engine, daemon or interfaces.'),
  layer(['src/daemon/**'], ['../effects/*', '../render/*', '../http/*', '../cli/*'],
    'daemon receives effects through model ports; it never imports them.'),
  layer(['src/http/**'], ['../effects/*', '../engine/*', '../config/*', '../cli/*', '../daemon/*', '!../daemon/facade.ts'],
    'http talks to the daemon facade only.'),
  layer(['src/render/**'], ['../effects/*', '../engine/*', '../config/*', '../http/*', '../cli/*', '../*.ts', '../daemon/*', '!../daemon/facade.ts', 'node:*', 'fs', 'child_process', 'net'],
    'render is pure text from the facade\'s JSON types: it imports model and daemon/facade.ts only.'),
  layer(['src/cli/**'], ['../effects/*', '../engine/*', '../http/*', '../*.ts', '../daemon/*', '!../daemon/facade.ts'],
    'cli is a client of the API/control socket, plus config, render and the daemon facade; in-process work comes from src/main.ts.'),
);
