// The shop's settings: loaded once, reloaded on demand, and replaced by the settings `updateSettings` answers with.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../../api/client';
import { shopApi } from '../../api/shop';
import type { ShopInput, ShopSettings } from '../../../cloudfunctions/contracts/shop';

export interface ShopSettingsState {
  settings: ShopSettings | null;
  /** The last failure of a load (a notice over the settings on screen, or the error page when there are none). */
  error: ErrorBody | null;
  /** Loads the settings again; keeps the ones on screen meanwhile. */
  reload: () => Promise<void>;
  /** Changes what the input names; on success the settings shown are the ones answered. */
  save: (input: ShopInput<'updateSettings'>) => Promise<Result<ShopSettings>>;
}

export function useShopSettings(): ShopSettingsState {
  const [settings, setSettings] = useState<ShopSettings | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  // A save's answer supersedes a load still in flight (it is the newer state).
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await shopApi.settings();
    if (gen !== generation.current) return;
    if (res.ok) {
      setSettings(res.data);
      setError(null);
    } else {
      setError(res.error);
    }
  }, []);

  const save = useCallback(async (input: ShopInput<'updateSettings'>) => {
    const res = await shopApi.updateSettings(input);
    if (res.ok) {
      generation.current += 1;
      setSettings(res.data);
      setError(null);
    }
    return res;
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { settings, error, reload, save };
}
