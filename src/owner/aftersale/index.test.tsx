import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { shopApi } from '../../api/shop';
import type { AfterSale } from '../../../cloudfunctions/contracts/order';
import { makeAfterSale } from '../../test-utils/fixtures';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { field, typeInto } from '../shared/test-fields';
import OwnerAfterSalePage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({
  orderApi: { afterSale: jest.fn(), decideAfterSale: jest.fn(), receiveReturn: jest.fn() },
}));
jest.mock('../../api/shop', () => ({ shopApi: { settings: jest.fn() } }));

const Taro = mockedTaro();
const api = orderApi as jest.Mocked<typeof orderApi>;
const settings = shopApi.settings as jest.Mock;
const CASE = 'YJ7K3M9Q2W4E6R8T1YS1';
const DAY = 24 * 3600 * 1000;
const answer = (a: AfterSale) => ({ ok: true as const, data: { afterSale: a } });
const SHOP_ADDRESS = { name: '老王', phone: '13900001111', region: '浙江省 杭州市 余杭区', detail: '友荐仓 1 号' };

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { id: CASE };
  for (const fn of Object.values(api)) fn.mockReset();
  settings.mockReset().mockResolvedValue({ ok: true, data: { returnAddress: SHOP_ADDRESS } });
});

async function open(a: AfterSale) {
  api.afterSale.mockResolvedValueOnce(answer(a));
  render(<OwnerAfterSalePage />);
  await screen.findByText('云南古树红茶');
}
const actions = () => Array.from(document.querySelectorAll('.owner-case__action')).map((b) => b.textContent);

describe('售后处理 (owner)', () => {
  it('shows the request, the owner’s deadline, the buyer’s words and evidence, and links to the order', async () => {
    await open(
      makeAfterSale({
        deadline: new Date(Date.now() + DAY + 3600_000 + 60_000).toISOString(),
        deadlineAction: 'auto_approve',
        commands: ['approve', 'reject'],
      }),
    );
    expect(screen.getByText('待商家处理')).toBeTruthy();
    expect(screen.getByText('请在 1 天 1 小时内处理，逾期自动同意')).toBeTruthy();
    expect(screen.getAllByText('茶叶受潮结块').length).toBe(2); // the case and its history
    expect(screen.getByText('买家：申请仅退款')).toBeTruthy();
    expect(actions()).toEqual(['拒绝', '同意退款']);
    fireEvent.click(screen.getAllByLabelText('查看图片')[0]);
    expect(Taro.previewImage).toHaveBeenCalledWith({
      current: 'https://img/e1.jpg',
      urls: ['https://img/e1.jpg', 'https://img/e2.jpg'],
    });
    fireEvent.click(screen.getByText('订单 YJ7K3M9Q2W4E6R8T1Y ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/order/index?id=YJ7K3M9Q2W4E6R8T1Y' });
  });

  it('says how many evidence photos still wait for content security, or did not pass', async () => {
    await open({
      ...makeAfterSale({ photos: ['https://img/e1.jpg'] }),
      pendingPhotos: 1,
      rejectedPhotos: 2,
    } as AfterSale);
    expect(screen.getAllByLabelText('查看图片').length).toBeGreaterThan(0);
    expect(screen.getByText('另有 1 张图片审核中')).toBeTruthy();
    expect(screen.getByText('2 张图片未通过审核')).toBeTruthy();
  });

  it('shows no action the case does not offer', async () => {
    await open(makeAfterSale({ status: 'refunding', commands: [] }));
    expect(actions()).toEqual([]);
    expect(screen.getByText('已同意退款，等待微信支付退款到账')).toBeTruthy();
  });

  it('同意退款 (仅退款) confirms the amount, then approves', async () => {
    await open(makeAfterSale({ commands: ['approve', 'reject'] }));
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('同意退款')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '同意退款', content: '将原路退回买家 ¥12.90，同意后不能撤销。' }),
    );
    expect(api.decideAfterSale).not.toHaveBeenCalled();

    taroPage.confirm = true;
    api.decideAfterSale.mockResolvedValueOnce(
      answer(makeAfterSale({ status: 'refunding', outRefundNo: 'YJ7K3M9Q2W4E6R8T1YS1R' })),
    );
    await act(async () => fireEvent.click(screen.getByText('同意退款')));
    expect(api.decideAfterSale).toHaveBeenCalledWith({ afterSaleId: CASE, approve: true });
    expect(await screen.findByText('退款中')).toBeTruthy();
    expect(screen.getByText('YJ7K3M9Q2W4E6R8T1YS1R')).toBeTruthy();
    expect(actions()).toEqual([]);
  });

  it('同意退货 prefills the shop’s return address, sends it as edited, after confirming', async () => {
    await open(makeAfterSale({ type: 'return_refund', commands: ['approve', 'reject'] }));
    fireEvent.click(screen.getByText('同意退货'));
    expect(settings).toHaveBeenCalledTimes(1);
    await waitFor(async () => expect((await field('街道、楼栋、门牌号')).value).toBe('友荐仓 1 号'));
    await typeInto('街道、楼栋、门牌号', ' 友荐仓 2 号 ');
    await typeInto('收件人手机号', '123');
    fireEvent.click(screen.getAllByText('同意退货').at(-1)!);
    expect(screen.getByText(/手机号/, { selector: '.owner-sheet__error' })).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    await typeInto('收件人手机号', '13900002222');
    api.decideAfterSale.mockResolvedValueOnce(
      answer(
        makeAfterSale({
          type: 'return_refund',
          status: 'awaiting_return',
          returnAddress: { ...SHOP_ADDRESS, phone: '13900002222', detail: '友荐仓 2 号' },
        }),
      ),
    );
    await act(async () => fireEvent.click(screen.getAllByText('同意退货').at(-1)!));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '同意退货',
        content: '买家将把商品寄回：老王 13900002222 浙江省 杭州市 余杭区 友荐仓 2 号',
      }),
    );
    expect(api.decideAfterSale).toHaveBeenCalledWith({
      afterSaleId: CASE,
      approve: true,
      returnAddress: { ...SHOP_ADDRESS, phone: '13900002222', detail: '友荐仓 2 号' },
    });
    expect(await screen.findByText('待寄回')).toBeTruthy();
    expect(screen.getByText('退货地址')).toBeTruthy();
  });

  it('同意退货 without a saved return address asks for one', async () => {
    settings.mockResolvedValueOnce({ ok: true, data: { returnAddress: null } });
    await open(makeAfterSale({ type: 'return_refund', commands: ['approve', 'reject'] }));
    fireEvent.click(screen.getByText('同意退货'));
    expect(await screen.findByText('店铺设置中还没有退货地址，请填写')).toBeTruthy();
    fireEvent.click(screen.getAllByText('同意退货').at(-1)!);
    expect(api.decideAfterSale).not.toHaveBeenCalled();
  });

  it('拒绝 needs a reason, confirms, and sends it trimmed', async () => {
    await open(makeAfterSale({ commands: ['approve', 'reject'] }));
    fireEvent.click(screen.getByText('拒绝'));
    fireEvent.click(screen.getByText('确认拒绝'));
    expect(screen.getByText('请填写拒绝原因（2-200 个字）')).toBeTruthy();
    await typeInto('请说明拒绝的原因，买家会看到', '  图片看不出受潮 ');
    api.decideAfterSale.mockResolvedValueOnce(
      answer(makeAfterSale({ status: 'rejected', rejectReason: '图片看不出受潮' })),
    );
    await act(async () => fireEvent.click(screen.getByText('确认拒绝')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '拒绝售后' }));
    expect(api.decideAfterSale).toHaveBeenCalledWith({ afterSaleId: CASE, approve: false, reason: '图片看不出受潮' });
    expect(await screen.findByText('商家已拒绝')).toBeTruthy();
    expect(screen.getByText('已拒绝，买家可再次申请一次')).toBeTruthy();
  });

  it('确认收到退货 confirms, then receives the return', async () => {
    await open(
      makeAfterSale({
        type: 'return_refund',
        status: 'returning',
        returnShipping: { carrier: '中通快递', trackingNo: 'ZT7788990011', shippedAt: '2026-01-07T02:00:00.000Z' },
        deadline: new Date(Date.now() + 9 * DAY + 60_000).toISOString(),
        deadlineAction: 'auto_receive',
        commands: ['receiveReturn'],
      }),
    );
    expect(screen.getByText('请在 9 天内确认收货，逾期自动确认')).toBeTruthy();
    expect(screen.getByText('中通快递 ZT7788990011')).toBeTruthy();
    api.receiveReturn.mockResolvedValueOnce(answer(makeAfterSale({ type: 'return_refund', status: 'refunding' })));
    await act(async () => fireEvent.click(screen.getByText('确认收到退货')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认收到退货', content: '确认后将原路退回买家 ¥12.90，不能撤销。' }),
    );
    expect(api.receiveReturn).toHaveBeenCalledWith({ afterSaleId: CASE });
    expect(await screen.findByText('退款中')).toBeTruthy();
  });

  it('a case that changed meanwhile: the message, and the case loaded again', async () => {
    await open(makeAfterSale({ commands: ['approve', 'reject'] }));
    api.decideAfterSale.mockResolvedValueOnce({
      ok: false,
      error: { code: 'afterSale.invalid_transition', message: '当前售后状态不支持该操作' },
    });
    api.afterSale.mockResolvedValueOnce(answer(makeAfterSale({ status: 'cancelled' })));
    await act(async () => fireEvent.click(screen.getByText('同意退款')));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '当前售后状态不支持该操作', icon: 'none' });
    expect(await screen.findByText('已撤销')).toBeTruthy();
    expect(actions()).toEqual([]);
  });
});
