// ESLint: type-aware floating-promise checks everywhere, no import cycles, and the dependency rules of STYLE.md
// per folder.
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');

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
    plugins: { 'import-x': importX },
    settings: {
      // Resolve relative imports the way tsc does here (CommonJS, moduleResolution node): extensionless
      // specifiers find a .ts file or a folder's index.ts. Only our own files are parsed to follow the graph.
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json', '.node'] })],
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Every arrow runs one way: a cycle means two modules that should be one, or a name without one home.
      // (The rule follows value imports only; `import type` edges are erased at compile time and not checked.)
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
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
    // api/routes/<capability>/: each capability stands alone (see the layout in api/app.ts).
    files: ['api/routes/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'A capability imports api/ and schemas/, not another capability: move what both need there or to domain/.' }] },
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
