// ESLint: type-aware floating-promise checks everywhere, and the dependency rules of STYLE.md per folder.
const tseslint = require('typescript-eslint');

const nodeBuiltins = require('node:module').builtinModules.flatMap((m) => [m, `node:${m}`]);
const forbiddenInWorkflows = [
  ...nodeBuiltins,
  '@prisma/*',
  'nodemailer',
  'pg',
  'express',
  'date-holidays',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'prisma/generated/**', '.state/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.)', message: 'domain/ is pure TypeScript: no npm packages or Node built-ins.' },
            { group: ['**/api/*', '**/workers/*', '**/activities/*', '**/workflows/*'], message: 'domain/ imports only domain/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInWorkflows.map((name) => ({ name, message: 'Workflow code must stay deterministic: no I/O libraries, config or Node built-ins.' })),
          patterns: [
            { group: ['**/config/*', '**/prisma/*', '**/api/*', '**/workers/*', '**/simulator/*'], message: 'Workflows receive what they need as input.' },
            { regex: '^\\.\\./\\.\\./activities/(?!index$|records/record-store$)', message: 'Workflows import only activity types (activities/index).' },
          ],
        },
      ],
    },
  },
  {
    files: ['activities/**/*.ts', 'config/**/*.ts', 'prisma/**/*.ts', 'simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/api/*', '**/workers/*'], message: 'Nothing imports api/ or workers/.' }] },
      ],
    },
  },
);
