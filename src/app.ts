import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // DYNAMIC_CURRENT_ENV: the cloud environment chosen in WeChat DevTools (project.config.json).
      Taro.cloud.init({ env: Taro.cloud.DYNAMIC_CURRENT_ENV, traceUser: true });
    }
  });
  return children;
}

export default App;
