// @tarojs/taro as the component tests mock it: every API the pages call, as jest.fn()s that succeed, and the page
// hooks handing their callbacks to `taroPage`, so a test can pull down, reach the bottom, come back or share as a
// user would. A jest.mock factory cannot see the test's imports, so it requires this file:
//   jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
// and the test imports `taroPage` and `mockedTaro` from it: the same module, so the same state.

export interface TaroPage {
  /** The route's query, as useRouter gives it. */
  params: Record<string, string>;
  /** What showModal answers: 确定 or 取消. */
  confirm: boolean;
  /** getLaunchOptionsSync's scene. */
  scene: number;
  /** getEnterOptionsSync's shareTicket: entered from a card in a group chat (getGroupEnterInfo answers its cloudID). */
  shareTicket?: string;
  /** Where the measured list ends (useFillScreen), against a window 800 high; by default it needs no filling. */
  listBottom: number;
  pullDown?: () => void;
  reachBottom?: () => void;
  didShow?: () => void;
  shareApp?: () => { path?: string; title?: string };
  shareTimeline?: () => { title?: string; query?: string };
}

const fresh = (): TaroPage => ({ params: {}, confirm: true, scene: 1001, listBottom: 2000 });

export const taroPage: TaroPage = fresh();

// Typed loosely on purpose: a test sets whatever answer it needs (mockResolvedValueOnce, mockImplementation…).
const fn = (impl?: (...args: never[]) => unknown): jest.Mock => jest.fn(impl);
const ok = () => fn(() => Promise.resolve());

function api() {
  return {
    eventCenter: { on: fn(), off: fn(), trigger: fn() },
    navigateTo: ok(),
    navigateBack: ok(),
    chooseImage: fn(),
    redirectTo: ok(),
    switchTab: ok(),
    showToast: ok(),
    showModal: fn(() => Promise.resolve({ confirm: taroPage.confirm, cancel: !taroPage.confirm })),
    setClipboardData: ok(),
    makePhoneCall: ok(),
    previewImage: ok(),
    stopPullDownRefresh: fn(),
    chooseAddress: fn(),
    requestSubscribeMessage: fn(),
    requestPayment: fn(() => Promise.resolve({ errMsg: 'requestPayment:ok' })),
    getLaunchOptionsSync: () => ({ scene: taroPage.scene }),
    getEnterOptionsSync: () => ({ scene: taroPage.scene, shareTicket: taroPage.shareTicket }),
    getGroupEnterInfo: fn(() =>
      Promise.resolve({ errMsg: 'getGroupEnterInfo:ok', cloudID: `cid:${taroPage.shareTicket}` }),
    ),
    // The cart and checkout stores persist here; the tests start each case from empty stores instead.
    getStorageSync: () => '',
    setStorageSync: fn(),
    removeStorageSync: fn(),
    nextTick: (cb: () => void) => Promise.resolve().then(cb),
    getSystemInfoSync: () => ({ windowHeight: 800 }),
    createSelectorQuery: () => {
      let measured: ((rect: { bottom: number }) => void) | undefined;
      const query = {
        select: () => query,
        boundingClientRect: (cb: (rect: { bottom: number }) => void) => ((measured = cb), query),
        exec: () => measured?.({ bottom: taroPage.listBottom }),
      };
      return query;
    },
  };
}

export type TaroApiMock = ReturnType<typeof api>;

export function taroMock() {
  return {
    __esModule: true,
    default: api(),
    useRouter: () => ({ params: taroPage.params }),
    useDidShow: (cb: () => void) => void (taroPage.didShow = cb),
    usePullDownRefresh: (cb: () => void) => void (taroPage.pullDown = cb),
    useReachBottom: (cb: () => void) => void (taroPage.reachBottom = cb),
    useShareAppMessage: (cb: TaroPage['shareApp']) => void (taroPage.shareApp = cb),
    useShareTimeline: (cb: TaroPage['shareTimeline']) => void (taroPage.shareTimeline = cb),
  };
}

/** The mocked Taro APIs, to assert on and to change per test. */
export function mockedTaro(): TaroApiMock {
  return (jest.requireMock('@tarojs/taro') as { default: TaroApiMock }).default;
}

/** Before each test: the page as it was at the start, and no calls recorded (implementations stay). */
export function resetTaroMock(): void {
  Object.assign(taroPage, fresh(), {
    pullDown: undefined,
    reachBottom: undefined,
    didShow: undefined,
    shareApp: undefined,
    shareTimeline: undefined,
    shareTicket: undefined,
  });
  for (const mock of Object.values(mockedTaro())) if (jest.isMockFunction(mock)) mock.mockClear();
}
