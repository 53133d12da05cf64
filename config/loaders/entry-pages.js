// Runs on the h5 app entry that Taro generates (src/app.config.ts after @tarojs/taro-loader/lib/h5): the pages a
// shared link opens (home, product) load with the app, so a card opens without a chunk round trip after boot;
// every other page is a chunk loaded when first opened (prefetching them all at boot competed with the first paint).
const EAGER = new Set(['pages/index/index', 'pages/product/index']);

module.exports = function entryPages(source) {
  return source.replace(
    /import\((["'])([^"']*?((?:pages|owner)\/[\w/-]+\/index))\1\)/g,
    (whole, quote, request, page) =>
      EAGER.has(page) ? `import(/* webpackMode: "eager" */ ${quote}${request}${quote})` : whole,
  );
};
