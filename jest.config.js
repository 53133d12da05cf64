/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/emulator', '<rootDir>/cloudfunctions', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tests/e2e/'],
  globalSetup: '<rootDir>/tests/global-setup.ts',
  testTimeout: 30000,
};
