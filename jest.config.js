'use strict';
/**
 * Five suites: unit (pure logic), api (real Strapi over HTTP), e2e (real Chromium), sweep (every page × role),
 * cluster (several real Strapi processes on one PostgreSQL database, behind nginx: npm run test:cluster).
 */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
};
const ignore = ['/node_modules/', '/dist/', '/.tmp/'];

module.exports = {
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testPathIgnorePatterns: ignore,
      testMatch: [
        '<rootDir>/tests/unit/**/*.test.ts',
        '<rootDir>/src/plugins/pmo/{server,shared}/**/*.test.ts',
        '<rootDir>/src/plugins/pmo/admin/src/**/*.test.ts',
      ],
    },
    {
      displayName: 'api',
      testEnvironment: '<rootDir>/tests/helpers/strapi-environment.js',
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
      transform,
      testPathIgnorePatterns: ignore,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout-api.js'],
      slowTestThreshold: 20,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/e2e/global-setup.js',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      // The page × role sweep is its own project (npm run test:sweep): see the README's Tests.
      testPathIgnorePatterns: [...ignore, '/tests/e2e/sweep-[a-z]+\\.test\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout-e2e.js'],
    },
    {
      displayName: 'sweep',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/e2e/global-setup.js',
      transform,
      testPathIgnorePatterns: ignore,
      testMatch: ['<rootDir>/tests/e2e/sweep-*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout-e2e.js'],
    },
    {
      displayName: 'cluster',
      // The worker's own Strapi (for fixtures and for reading the database) on the database the
      // cluster's instances share.
      testEnvironment: '<rootDir>/tests/helpers/strapi-environment.js',
      globalSetup: '<rootDir>/tests/cluster/global-setup.js',
      globalTeardown: '<rootDir>/tests/cluster/global-teardown.js',
      transform,
      testPathIgnorePatterns: ignore,
      testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/cluster/timeout.js'],
    },
  ],
};
