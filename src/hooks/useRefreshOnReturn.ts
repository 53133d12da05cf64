// Reloads a page's data each time the user comes back to it (from an order just shipped, a product just saved…),
// but not on its first show, when the page's own first load is already under way.
import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

export function useRefreshOnReturn(refresh: () => unknown): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void refresh();
    shown.current = true;
  });
}
