// Who is using the shop: the member behind the current WeChat user (or dev identity in h5), loaded once.
import { create } from 'zustand';
import { shopApi } from '../api/shop';
import type { ErrorBody, Result } from '../api/client';
import type { Binding, Member, ShopService } from '../../cloudfunctions/contracts/shop';
import type { PointsBalance } from '../../cloudfunctions/contracts/points';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SessionState {
  user: Member | null;
  binding: Binding | null;
  /** The shop's customer service contacts (联系客服 in the h5 build). */
  service: ShopService | null;
  status: SessionStatus;
  error: ErrorBody | null;
  /** Loads the session unless it is loaded or loading; every caller awaits the same request. */
  load: () => Promise<void>;
  /** Loads it again (the retry of an error state). */
  reload: () => Promise<void>;
  /** The binding changed elsewhere (a visit bound me, I released it): no need to load the whole session again. */
  setBinding: (binding: Binding | null) => void;
  /** The member card changed elsewhere (joined, a fresher balance read): the user's points and membership follow. */
  setPoints: (balance: Pick<PointsBalance, 'isMember' | 'available' | 'pending'>) => void;
}

let inFlight: Promise<void> | null = null;
// Bumped by setBinding: a session answer read before the change must not put the old binding back.
let bindingVersion = 0;

export const useSession = create<SessionState>()((set, get) => {
  const fetchSession = (): Promise<void> => {
    set({ status: 'loading', error: null });
    const version = bindingVersion;
    inFlight = shopApi.session().then((res) => {
      inFlight = null;
      if (res.ok) {
        const binding = version === bindingVersion ? res.data.binding : get().binding;
        set({ user: res.data.user, binding, service: res.data.service ?? null, status: 'ready', error: null });
      } else {
        set({ status: 'error', error: res.error });
      }
    });
    return inFlight;
  };
  return {
    user: null,
    binding: null,
    service: null,
    status: 'idle',
    error: null,
    load: () => {
      if (inFlight) return inFlight;
      return get().status === 'ready' ? Promise.resolve() : fetchSession();
    },
    reload: () => inFlight ?? fetchSession(),
    setBinding: (binding) => {
      bindingVersion += 1;
      set({ binding });
    },
    setPoints: ({ isMember, available, pending }) => {
      const { user } = get();
      if (user) set({ user: { ...user, isMember, points: { available, pending } } });
    },
  };
});

/**
 * The caller's own folder of an upload folder (contracts/limits.ts `UPLOAD_FOLDERS`): `<folder>/<openid>`, the only
 * place the storage rule lets them write and the functions take their photos from. The openid is the session's own.
 */
export async function ownUploadFolder(folder: string): Promise<Result<string>> {
  await useSession.getState().load();
  const { user, error } = useSession.getState();
  if (!user) return { ok: false, error: error ?? { code: 'upload.failed', message: '图片上传失败，请重试' } };
  return { ok: true, data: `${folder}/${user.openid}` };
}
