/** @type {import('jest').Config} */
const shared = {
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
  },
};

module.exports = {
  // Builds the emulator and the cloud functions once; the node suites spawn the emulator on them.
  globalSetup: '<rootDir>/tests/global-setup.ts',
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/emulator', '<rootDir>/cloudfunctions', '<rootDir>/tests', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tests/e2e/', '/tests/mini/'],
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        // Taro's React components for the web, as plain React components (the weapp ones need the mini program runtime).
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '\\.(css|scss)$': '<rootDir>/tests/style-stub.js',
      },
    },
    {
      displayName: 'mini',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/mini'],
      testMatch: ['**/*.test.ts'],
    },
  ],
};
