// Reach-bottom only fires once a page scrolls: when the loaded list does not fill the screen yet, nothing would
// ever ask for more. After each render that changes `key`, this measures `selector` and calls `onShort` when its
// bottom sits above the bottom of the window.
import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

export function useFillScreen(selector: string, key: unknown, enabled: boolean, onShort: () => void): void {
  const callback = useRef(onShort);
  callback.current = onShort;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger: measure again when the list changes
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(selector)
        .boundingClientRect((rect) => {
          const box = Array.isArray(rect) ? rect[0] : rect;
          if (cancelled || !box) return;
          if (box.bottom < Taro.getSystemInfoSync().windowHeight) callback.current();
        })
        .exec();
    });
    return () => {
      cancelled = true;
    };
  }, [selector, key, enabled]);
}
