import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Without an env, wx.cloud uses the cloud environment chosen in WeChat DevTools.
      Taro.cloud.init({ traceUser: true });
    }
  });
  return children;
}

export default App;
