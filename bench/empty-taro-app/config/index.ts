import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The same build choices as the shop's config/index.ts (webpack5, React, production, hash router), nothing else.
export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'empty-taro-app',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: { postcss: { pxtransform: { enable: true, config: {} } } },
    h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
  };
  return config;
});
