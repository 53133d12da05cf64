// Jest config for the browser journeys. Run them with `npm run test:e2e` (scripts/e2e.mjs): it builds, starts the
// emulator and Chromium, and passes their addresses in E2E_ORIGIN and E2E_BROWSER_WS.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  // One shared emulator: journeys run one after another so their data does not interleave.
  maxWorkers: 1,
};
