module.exports = {
  presets: [['babel-preset-taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
