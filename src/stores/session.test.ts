import { shopApi } from '../api/shop';
import { deferred } from '../test-utils/deferred';
import { ownUploadFolder, useSession } from './session';
import { NO_SERVICE } from '../test-utils/fixtures';

jest.mock('../api/shop', () => ({ shopApi: { session: jest.fn() } }));
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;

const alice = {
  id: 'u1',
  openid: 'dev_u1',
  shareCode: 'ALC234',
  nickname: 'alice',
  isOwner: false,
  isMember: false,
  points: { available: 0, pending: 0 },
};
const initial = useSession.getState();

beforeEach(() => {
  session.mockReset();
  useSession.setState(initial, true);
});

describe('session store', () => {
  it('calls session once however many pages ask for it', async () => {
    session.mockResolvedValue({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await Promise.all([useSession.getState().load(), useSession.getState().load()]);
    await useSession.getState().load();
    expect(session).toHaveBeenCalledTimes(1);
    expect(useSession.getState()).toMatchObject({
      status: 'ready',
      user: { shareCode: 'ALC234', nickname: 'alice' },
      error: null,
    });
  });

  it('keeps the error and loads again on reload', async () => {
    session.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await useSession.getState().load();
    expect(useSession.getState()).toMatchObject({ status: 'error', user: null, error: { code: 'network' } });

    session.mockResolvedValueOnce({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await useSession.getState().reload();
    expect(session).toHaveBeenCalledTimes(2);
    expect(useSession.getState()).toMatchObject({ status: 'ready', user: { nickname: 'alice' }, error: null });
  });

  it('takes a binding set elsewhere, and releases it', async () => {
    session.mockResolvedValue({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await useSession.getState().load();
    const binding = { sharerCode: 'BOB234', nickname: 'bob', until: '2026-12-08T00:00:00.000Z' };
    useSession.getState().setBinding(binding);
    expect(useSession.getState()).toMatchObject({ binding, user: { nickname: 'alice' }, status: 'ready' });
    useSession.getState().setBinding(null);
    expect(useSession.getState().binding).toBeNull();
  });

  it('keeps a binding set while the session was loading over the older answer', async () => {
    const answer = deferred<Awaited<ReturnType<typeof shopApi.session>>>();
    session.mockReturnValueOnce(answer.promise);
    const loading = useSession.getState().load();
    const binding = { sharerCode: 'BOB234', nickname: 'bob', until: '2026-12-08T00:00:00.000Z' };
    useSession.getState().setBinding(binding);
    answer.resolve({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await loading;
    expect(useSession.getState()).toMatchObject({ status: 'ready', user: { nickname: 'alice' }, binding });

    // A later reload reads the server's binding again.
    session.mockResolvedValueOnce({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await useSession.getState().reload();
    expect(useSession.getState().binding).toBeNull();
  });

  it('takes the member card from a join or a fresher balance, keeping the rest of the user', async () => {
    useSession.getState().setPoints({ isMember: true, available: 100, pending: 0 });
    expect(useSession.getState().user).toBeNull();

    session.mockResolvedValue({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    await useSession.getState().load();
    useSession.getState().setPoints({ isMember: true, available: 100, pending: 35 });
    expect(useSession.getState().user).toEqual({ ...alice, isMember: true, points: { available: 100, pending: 35 } });
  });
});

describe('ownUploadFolder', () => {
  it("is the folder under the caller's own openid, from the session", async () => {
    session.mockResolvedValue({ ok: true, data: { user: alice, binding: null, service: NO_SERVICE } });
    expect(await ownUploadFolder('products')).toEqual({ ok: true, data: 'products/dev_u1' });
    expect(await ownUploadFolder('reviews')).toEqual({ ok: true, data: 'reviews/dev_u1' });
    expect(session).toHaveBeenCalledTimes(1);
  });

  it('answers the session error when there is no session: nothing may be uploaded', async () => {
    session.mockResolvedValue({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    expect(await ownUploadFolder('shop')).toEqual({
      ok: false,
      error: { code: 'network', message: '网络异常，请稍后重试' },
    });
  });
});
