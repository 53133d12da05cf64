import {
  createElement,
  Fragment,
  useEffect,
  useState,
  type ComponentType,
  type PropsWithChildren,
  type ReactNode,
} from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { prefetchFromHash } from './hooks/productPrefetch';
import './app.scss';

// h5: a shared card opens straight on a product; its request was started by index.html (or starts now).
if (process.env.TARO_ENV === 'h5') {
  prefetchFromHash(
    window.location.hash,
    (window as { __yjProductPrefetch?: Parameters<typeof prefetchFromHash>[1] }).__yjProductPrefetch,
  );
}

// h5 only (the browser on the local emulator): a compile-time branch, so the weapp bundle never includes it.
const DevIdentitySwitch: ComponentType | null =
  process.env.TARO_ENV === 'h5'
    ? (require('./components/DevIdentitySwitch') as typeof import('./components/DevIdentitySwitch')).default
    : null;
// Into <body>, not beside the pages: Taro's h5 router only shows a page that is the last child of its container.
// (Typed here: the project has no @types/react-dom, and this is its only use.)
type CreatePortal = (children: ReactNode, container: Element) => ReactNode;
const createPortal: CreatePortal | null =
  process.env.TARO_ENV === 'h5' ? (require('react-dom') as { createPortal: CreatePortal }).createPortal : null;

// Dev tooling waits until the browser is idle: a shared card's first paint is the shop's, not the switch's
// (mounting it at once put its render and its session request on the product page's critical path).
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
    const done = () => setIdle(true);
    if (w.requestIdleCallback) w.requestIdleCallback(done, { timeout: 1000 });
    else setTimeout(done, 300);
  }, []);
  return idle;
}

function App({ children }: PropsWithChildren) {
  const idle = useIdle();
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Without an env, wx.cloud uses the cloud environment chosen in WeChat DevTools.
      Taro.cloud.init({ traceUser: true });
    }
  });
  if (DevIdentitySwitch && createPortal) {
    // The same element tree before and after the switch mounts: a changed shape would remount every page.
    return createElement(
      Fragment,
      null,
      children,
      idle ? createPortal(createElement(DevIdentitySwitch), document.body) : null,
    );
  }
  return children;
}

export default App;
