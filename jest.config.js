const path = require('node:path');
const { createRequire } = require('node:module');

// d3 ships ES modules only; Jest's CommonJS runtime takes their UMD builds instead.
const fromDashboard = createRequire(path.join(__dirname, 'dashboard', 'package.json'));
const d3Geo = path.join(path.dirname(fromDashboard.resolve('d3-geo')), '..', 'dist', 'd3-geo.js');
const d3Array = path.join(path.dirname(createRequire(d3Geo).resolve('d3-array')), '..', 'dist', 'd3-array.js');

// One Jest run for the whole repository, one project per kind of test.
// `pnpm test` builds first: the process and browser tests start the built server.
//
// ts-jest only transpiles (every tsconfig it is given has isolatedModules, which makes ts-jest
// use transpileModule: no type checker per test file). Types are checked once per run by
// `pnpm typecheck` (server, domain) and the dashboard's build, which `pnpm test` runs first.
// `tsconfig` is a tsconfig path, or compiler options given inline.
const tsJest = (tsconfig) => ({
  '^.+\\.tsx?$': ['ts-jest', { tsconfig }],
});
const COMMONJS_TESTS = {
  isolatedModules: true,
  target: 'ES2022',
  module: 'commonjs',
  moduleResolution: 'node10',
  esModuleInterop: true,
};

// Jest's 5 s default is for unit tests. Tests against PostgreSQL and the built server wait on
// I/O and on a machine that may be busy; these bound a hung test instead of timing a fast one
// (speed is measured in bench/, never asserted). Set per project by server/test/utils/timeout.ts.
// Component tests render Designsystemet and Recharts in jsdom: a few hundred ms each when idle,
// several seconds when two cores are shared with builds and PostgreSQL.
const TIMEOUT = { dashboard: 30_000, integration: 30_000, process: 180_000 };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      roots: ['<rootDir>/packages/domain/src'],
      testMatch: ['**/*.spec.ts'],
      transform: tsJest('<rootDir>/packages/domain/tsconfig.json'),
    },
    {
      displayName: 'server-unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/src', '<rootDir>/server/test/unit'],
      testMatch: ['**/*.spec.ts'],
      setupFiles: ['<rootDir>/server/node_modules/reflect-metadata'],
      moduleNameMapper: { '^@samordna/domain$': '<rootDir>/packages/domain/src/index.ts' },
      transform: tsJest('<rootDir>/server/tsconfig.json'),
    },
    {
      displayName: 'server-integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/test/integration'],
      testMatch: ['**/*.integration-spec.ts'],
      setupFiles: ['<rootDir>/server/node_modules/reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/server/test/utils/timeout.ts'],
      globals: { SAMORDNA_TEST_TIMEOUT: TIMEOUT.integration },
      // One PostgreSQL and two template databases (migrated; seeded) per run: each test file's
      // database is a `CREATE DATABASE … TEMPLATE` copy instead of migrating and seeding again.
      globalSetup: '<rootDir>/server/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/server/test/utils/global-teardown.ts',
      moduleNameMapper: { '^@samordna/domain$': '<rootDir>/packages/domain/src/index.ts' },
      transform: tsJest('<rootDir>/server/tsconfig.json'),
    },
    {
      displayName: 'server-process',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/test/process'],
      testMatch: ['**/*.process-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/server/test/utils/timeout.ts'],
      globals: { SAMORDNA_TEST_TIMEOUT: TIMEOUT.process },
      transform: tsJest('<rootDir>/server/tsconfig.json'),
    },
    {
      displayName: 'dashboard',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/dashboard/src'],
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/dashboard/test/setup.ts', '<rootDir>/server/test/utils/timeout.ts'],
      globals: { SAMORDNA_TEST_TIMEOUT: TIMEOUT.dashboard },
      moduleNameMapper: {
        '^@samordna/domain$': '<rootDir>/packages/domain/src/index.ts',
        '\\.css$': '<rootDir>/dashboard/test/style-stub.js',
        '^d3-geo$': d3Geo,
        '^d3-array$': d3Array,
      },
      transform: tsJest({ ...COMMONJS_TESTS, jsx: 'react-jsx' }),
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/dashboard/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      // dashboard/ is "type": "module"; compile the tests to CommonJS all the same.
      transform: tsJest(COMMONJS_TESTS),
    },
  ],
};
