// A member page's list read once, again on demand: the latest answer wins (an older reload that returns later is
// dropped), a failure keeps what was shown and says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../api/client';

export interface LoadedList<T> {
  items: T[] | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** Changes the shown items without a read (after an action whose effect is known). */
  setItems: (update: (items: T[] | null) => T[] | null) => void;
}

export function useLoadedList<T>(
  read: () => Promise<{ ok: true; data: { items: T[] } } | { ok: false; error: ErrorBody }>,
): LoadedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    const res = await readRef.current();
    if (gen !== generation.current) return;
    if (res.ok) setItems(res.data.items);
    else setError(res.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, error, reload, setItems };
}
