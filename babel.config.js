// Babel is used by jest (babel-jest). The Taro build adds babel-preset-taro when the mini program lands.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    '@babel/preset-typescript',
  ],
};
