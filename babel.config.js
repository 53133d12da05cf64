// The Taro builds compile with babel-preset-taro. Jest (NODE_ENV=test) runs the same sources on Node and in
// jsdom, where the preset's browser targets and runtime transforms only get in the way, so it gets plain presets.
module.exports = (api) => {
  const isTest = api.env('test');
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [['babel-preset-taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  };
};
