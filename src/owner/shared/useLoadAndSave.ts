// One editable thing of the shop on an owner page (the rate table, the points rules, the settings): loaded once,
// reloaded by pulling down or on demand, and replaced by what each save answers with. One save at a time: `busy`
// names what is being saved, and `run` says how it went in a toast.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ErrorBody, Result } from '../../api/client';

export interface LoadAndSaveApi<T, I> {
  load: () => Promise<Result<T>>;
  save: (input: I) => Promise<Result<T>>;
}

export interface RunOptions {
  /** The success toast. */
  done?: string;
  /** Refusals that prove the data on screen stale: it is reloaded after the toast. */
  reloadOn?: ReadonlyArray<ErrorBody['code']>;
}

export interface LoadAndSave<T, I, K extends string> {
  /** The latest data, null until the first load has answered. */
  data: T | null;
  /** The last failure of a load (a notice over the data on screen, or the error page when there is none). */
  error: ErrorBody | null;
  /** Loads again; keeps the data on screen meanwhile. */
  reload: () => Promise<void>;
  /** Saves `input`; on success the data shown is the one answered. No toast, no busy state (see `run`). */
  save: (input: I) => Promise<Result<T>>;
  /** What is being saved, or null. */
  busy: K | null;
  /** For a step before the save that the page runs itself (an upload): shown as busy too. */
  setBusy: (key: K | null) => void;
  /** Saves `input` as `key` (busy meanwhile), then toasts `done` or the server's refusal as it words it. */
  run: (key: K, input: I, options?: RunOptions) => Promise<Result<T>>;
}

const toast = (title: string, icon: 'none' | 'success') => void Taro.showToast({ title, icon });

/** `api` may be a new object on every render: the latest one is called. */
export function useLoadAndSave<T, I, K extends string = string>(api: LoadAndSaveApi<T, I>): LoadAndSave<T, I, K> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState<K | null>(null);
  const apiRef = useRef(api);
  apiRef.current = api;
  // A save's answer supersedes a load still in flight (it is the newer data).
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await apiRef.current.load();
    if (gen !== generation.current) return;
    if (res.ok) {
      setData(res.data);
      setError(null);
    } else {
      setError(res.error);
    }
  }, []);

  const save = useCallback(async (input: I) => {
    const res = await apiRef.current.save(input);
    if (res.ok) {
      generation.current += 1;
      setData(res.data);
      setError(null);
    }
    return res;
  }, []);

  const run = useCallback(
    async (key: K, input: I, { done = '已保存', reloadOn = [] }: RunOptions = {}) => {
      setBusy(key);
      const res = await save(input);
      setBusy(null);
      if (res.ok) {
        toast(done, 'success');
      } else {
        toast(res.error.message, 'none');
        if (reloadOn.includes(res.error.code)) void reload();
      }
      return res;
    },
    [reload, save],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, error, reload, save, busy, setBusy, run };
}
