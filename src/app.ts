import { createElement, Fragment, type ComponentType, type PropsWithChildren, type ReactNode } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { prefetchFromHash } from './hooks/productPrefetch';
import './app.scss';

// h5: a shared card opens straight on a product; its request was started by index.html (or starts now).
if (process.env.TARO_ENV === 'h5') {
  prefetchFromHash(window.location.hash, (window as { __yjProductPrefetch?: Parameters<typeof prefetchFromHash>[1] }).__yjProductPrefetch);
}

// h5 only (the browser on the local emulator): a compile-time branch, so the weapp bundle never includes it.
const DevIdentitySwitch: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? (require('./components/DevIdentitySwitch') as typeof import('./components/DevIdentitySwitch')).default : null;
// Into <body>, not beside the pages: Taro's h5 router only shows a page that is the last child of its container.
// (Typed here: the project has no @types/react-dom, and this is its only use.)
type CreatePortal = (children: ReactNode, container: Element) => ReactNode;
const createPortal: CreatePortal | null = process.env.TARO_ENV === 'h5' ? (require('react-dom') as { createPortal: CreatePortal }).createPortal : null;

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Without an env, wx.cloud uses the cloud environment chosen in WeChat DevTools.
      Taro.cloud.init({ traceUser: true });
    }
  });
  if (DevIdentitySwitch && createPortal) {
    return createElement(Fragment, null, children, createPortal(createElement(DevIdentitySwitch), document.body));
  }
  return children;
}

export default App;
