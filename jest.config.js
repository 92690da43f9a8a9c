// Jest projects: unit (pure, no servers), integration (PostgreSQL, SMTP, simulator over HTTP, API),
// workflows (Temporal dev server), timeskipping (Temporal's Java time-skipping test server), browser (the
// control board in Debian's Chromium over the same real stack as the API tests).
// `npm test` (scripts/test.mjs) starts the dev server and PostgreSQL once per run and passes their
// addresses in the environment; see test/support/env.ts.
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/{domain,config,simulator}/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/{activities,api,prisma}/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
    },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
      globalSetup: '<rootDir>/test/support/bundle.global-setup.ts',
    },
    {
      ...common,
      displayName: 'timeskipping',
      testMatch: ['<rootDir>/test/timeskipping/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
      globalSetup: '<rootDir>/test/support/bundle.global-setup.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
    },
  ],
};
