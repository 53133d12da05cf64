import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// One config for both builds: weapp into dist/weapp (opened by WeChat DevTools), h5 into dist/h5 (served by the
// emulator).
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  // src/ imports the contracts' limits as values: Taro compiles only sourceRoot (and its own packages) unless told.
  // Only that file: the contracts with schemas would bring valibot into the mini program.
  const compile = { include: [path.resolve(__dirname, '..', 'cloudfunctions/contracts/limits.ts')] };
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'youjian',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's default minifier writes every non-ASCII character as \uXXXX (6 bytes where UTF-8 takes 3): the shop's
    // Chinese text would ship twice its size. WeChat reads UTF-8 sources; the bench's empty app makes the same choice.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // The emulator serves dist/h5 as static files: hash routing needs no server rewrites.
      router: { mode: 'hash' },
      compile,
      // Taro's React components rendering plain HTML: Stencil's web components stay invisible until they hydrate,
      // a frame or more after React inserted them, which held back the first paint of a shared product.
      useHtmlComponents: true,
      // The product and home pages load with the app (a shared card opens straight on them, and a chunk fetched
      // after boot delayed the first paint); the other pages are chunks. See config/loaders/entry-pages.js.
      webpackChain(chain) {
        chain.module
          .rule('entry-pages')
          .test(/[\\/]app\.config\.[jt]s$/)
          .use('entry-pages')
          .loader(path.resolve(__dirname, 'loaders/entry-pages.js'));
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return merge({}, baseConfig, mode === 'development' ? devConfig : prodConfig);
});
