// 停止 on a row of the owner's lists (coupons, group buys, flash sales): asked first in the list's words, one at a
// time, and what the server answered shown on that row at once (the list itself is read again on return).
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Result } from '../../../cloudfunctions/contracts/errors';

export interface StopSpec<T extends { id: string }> {
  /** The confirmation: what stopping this row does, and the button that does it. */
  ask: (item: T) => { title: string; content: string; confirmText: string };
  /** Stops it; answers the row as it is now. */
  stop: (item: T) => Promise<Result<T>>;
  /** The toast once stopped. */
  done: { title: string; icon: 'success' | 'none' };
}

export function useStopOnList<T extends { id: string }>(spec: StopSpec<T>) {
  const [changed, setChanged] = useState<Record<string, T>>({});
  const [stopping, setStopping] = useState<string | null>(null);

  const stop = useCallback(
    async (item: T) => {
      if (stopping) return;
      const { confirm } = await Taro.showModal({ ...spec.ask(item), cancelText: '再想想' });
      if (!confirm) return;
      setStopping(item.id);
      const res = await spec.stop(item);
      setStopping(null);
      if (res.ok) {
        setChanged((c) => ({ ...c, [item.id]: res.data }));
        void Taro.showToast(spec.done);
      } else {
        void Taro.showToast({ title: res.error.message, icon: 'none' });
      }
    },
    [stopping, spec],
  );

  /** The rows as shown: each as the last 停止 answered it, else as listed. */
  const shown = (items: T[]) => items.map((item) => changed[item.id] ?? item);
  return { stop, stopping, shown };
}
