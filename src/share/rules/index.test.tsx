import { act, fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import RulesPage from './index';
import { NO_SERVICE } from '../../test-utils/fixtures';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));

const Taro = mockedTaro();
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const bob = {
  id: 'u2',
  openid: 'dev_u2',
  shareCode: 'BOB234',
  nickname: 'bob',
  isOwner: false,
  isMember: false,
  points: { available: 0, pending: 0 },
};
const initialSession = useSession.getState();
const until = new Date(2099, 11, 8, 12, 0).toISOString();

beforeEach(() => {
  resetTaroMock();
  session.mockReset();
  useSession.setState(initialSession, true);
});

async function open(binding: { sharerCode: string; nickname: string; until: string } | null) {
  session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding, service: NO_SERVICE } });
  render(<RulesPage />);
  await act(async () => undefined);
}

describe('单级分佣说明', () => {
  it('states the one-level, no-fee, no-reward-for-sharing rules and the 15-day binding', async () => {
    await open(null);
    const text = document.body.textContent!;
    expect(text).toContain('只有直接分享带来的购买计佣，不跨级');
    expect(text).toContain('人人可分享，无门槛、无费用');
    expect(text).toContain('分享、浏览本身没有任何奖励');
    expect(text).toContain('退款会按退款比例退回对应佣金');
    expect(text).toContain('15 天内下单都算你的推荐；TA 每下一单，再延长 15 天');
    expect(text).toContain('别人的分享不能抢走');
  });

  it('shows my own recommender and the way to release it', async () => {
    await open({ sharerCode: 'ALC234', nickname: 'alice', until });
    expect(screen.getByText('你的推荐人：alice，至 12月8日')).toBeTruthy();
    fireEvent.click(screen.getByText('去「我的」页查看或解除 ›'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  it('says I have none when there is no active binding', async () => {
    await open({ sharerCode: 'ALC234', nickname: 'alice', until: '2020-01-01T00:00:00.000Z' });
    expect(screen.getByText('你现在没有推荐人，下单不计入任何人的推广。')).toBeTruthy();
    expect(screen.queryByText(/你的推荐人：/)).toBeNull();
  });
});
