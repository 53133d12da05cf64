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
      // Build-time constants the Taro runtime reads (defined by its webpack build, absent under jest).
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: false,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: false,
        DEPRECATED_ADAPTER_COMPONENT: false,
      },
      // @tarojs/components/lib/react is ESM (with its own nested ESM helpers) and loads swiper's .mjs files:
      // everything under @tarojs, @stencil and swiper is compiled too.
      transform: { '\\.[cm]?[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns: ['^(?!.*/node_modules/@tarojs/).*/node_modules/(?!(@tarojs|@stencil|swiper)/)'],
      roots: ['<rootDir>/src'],
      setupFiles: ['<rootDir>/tests/setup-components.ts'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        // Taro's React components for the web, as plain React components (the weapp ones need the mini program
        // runtime).
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
