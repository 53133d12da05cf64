import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { simulateWechatRefund } from '../../api/dev-refund';
import { orderApi } from '../../api/order';
import { uploadFile } from '../../api/storage';
import type { AfterSale } from '../../../cloudfunctions/contracts/order';
import { typeInto } from '../../owner/shared/test-fields';
import { useSession } from '../../stores/session';
import { makeAfterSale } from '../../test-utils/fixtures';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import AfterSalePage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({
  orderApi: {
    afterSale: jest.fn(),
    cancelAfterSale: jest.fn(),
    shipReturn: jest.fn(),
    reopenAfterSale: jest.fn(),
  },
}));
jest.mock('../../api/dev-refund', () => ({ simulateWechatRefund: jest.fn() }));
jest.mock('../../api/storage', () => ({
  uploadFile: jest.fn(),
  cloudPathFor: (folder: string, p: string) => `${folder}/${p.split('/').pop()}`,
}));

const Taro = mockedTaro();
const api = orderApi as jest.Mocked<typeof orderApi>;
const devRefund = simulateWechatRefund as jest.MockedFunction<typeof simulateWechatRefund>;
const upload = uploadFile as jest.Mock;
const CASE = 'YJ7K3M9Q2W4E6R8T1YS1';
const DAY = 24 * 3600 * 1000;
const answer = (a: AfterSale) => ({ ok: true as const, data: { afterSale: a } });
const bob = {
  id: 'u-bob',
  openid: 'dev_bob',
  shareCode: 'K7M2QX',
  nickname: '小博',
  isOwner: false,
  isMember: true,
  points: { available: 0, pending: 0 },
};

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { id: CASE };
  for (const fn of Object.values(api)) fn.mockReset();
  devRefund.mockReset();
  upload.mockReset();
  useSession.setState({ user: bob, status: 'ready', service: { phone: '', wechatId: '' } });
  delete process.env.TARO_ENV;
});

async function open(a: AfterSale) {
  api.afterSale.mockResolvedValueOnce(answer(a));
  render(<AfterSalePage />);
  await screen.findByText('云南古树红茶');
}
const actions = () => Array.from(document.querySelectorAll('.case__action')).map((b) => b.textContent);

describe('售后详情 (buyer)', () => {
  it('shows the status, the owner’s deadline in words, the case and its history by who did what', async () => {
    await open(
      makeAfterSale({
        deadline: new Date(Date.now() + 2 * DAY - 60_000).toISOString(),
        deadlineAction: 'auto_approve',
        commands: ['cancel'],
      }),
    );
    expect(api.afterSale).toHaveBeenCalledWith({ afterSaleId: CASE });
    expect(screen.getByText('待商家处理')).toBeTruthy();
    expect(screen.getByText('商家 1 天 23 小时内处理，逾期自动同意')).toBeTruthy();
    expect(screen.getByText('仅退款')).toBeTruthy();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect(screen.getByText('质量问题')).toBeTruthy();
    expect(screen.getByText('买家：申请仅退款')).toBeTruthy();
    expect(screen.queryByText('退款单号')).toBeNull();
    // Evidence opens full screen.
    fireEvent.click(screen.getAllByLabelText('查看图片')[1]);
    expect(Taro.previewImage).toHaveBeenCalledWith({
      current: 'https://img/e2.jpg',
      urls: ['https://img/e1.jpg', 'https://img/e2.jpg'],
    });
    expect(screen.getByText('联系客服')).toBeTruthy();
  });

  it('shows exactly the buttons of `commands`', async () => {
    await open(makeAfterSale({ commands: [] }));
    expect(actions()).toEqual([]);
  });

  it('撤销申请 asks first, then shows the cancelled case', async () => {
    await open(makeAfterSale({ commands: ['cancel'] }));
    expect(actions()).toEqual(['撤销申请']);
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('撤销申请')));
    expect(api.cancelAfterSale).not.toHaveBeenCalled();
    taroPage.confirm = true;
    api.cancelAfterSale.mockResolvedValueOnce(answer(makeAfterSale({ status: 'cancelled' })));
    await act(async () => fireEvent.click(screen.getByText('撤销申请')));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤销申请' }));
    expect(api.cancelAfterSale).toHaveBeenCalledWith({ afterSaleId: CASE });
    expect(await screen.findByText('已撤销')).toBeTruthy();
    expect(actions()).toEqual([]);
  });

  it('awaiting the return: the copyable address, the deadline, and 填写退货物流 sends the parcel', async () => {
    await open(
      makeAfterSale({
        type: 'return_refund',
        status: 'awaiting_return',
        returnAddress: { name: '老王', phone: '13900001111', region: '浙江省 杭州市', detail: '友荐仓 1 号' },
        deadline: new Date(Date.now() + 7 * DAY - 60_000).toISOString(),
        deadlineAction: 'close',
        commands: ['shipReturn'],
      }),
    );
    expect(screen.getByText('请在 6 天 23 小时内寄回，逾期申请关闭')).toBeTruthy();
    expect(screen.getByText('退货地址')).toBeTruthy();
    fireEvent.click(screen.getAllByText('复制')[0]);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '老王 13900001111 浙江省 杭州市 友荐仓 1 号' });

    fireEvent.click(screen.getByText('填写退货物流'));
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByText('请选择或填写快递公司（2-20 个字）')).toBeTruthy();
    expect(screen.getByText('运单号为 6-32 位字母、数字或短横线')).toBeTruthy();
    fireEvent.click(screen.getByText('中通快递'));
    await typeInto('请输入退货运单号', ' ZT7788990011 ');
    api.shipReturn.mockResolvedValueOnce(
      answer(
        makeAfterSale({
          type: 'return_refund',
          status: 'returning',
          returnShipping: { carrier: '中通快递', trackingNo: 'ZT7788990011', shippedAt: '2026-01-07T02:00:00.000Z' },
          deadline: new Date(Date.now() + 10 * DAY - 60_000).toISOString(),
          deadlineAction: 'auto_receive',
        }),
      ),
    );
    await act(async () => fireEvent.click(screen.getByText('提交')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '中通快递，运单号 ZT7788990011' }));
    expect(api.shipReturn).toHaveBeenCalledWith({ afterSaleId: CASE, carrier: '中通快递', trackingNo: 'ZT7788990011' });
    expect(await screen.findByText('退货中')).toBeTruthy();
    expect(screen.getByText('商家 9 天 23 小时内确认收货，逾期自动确认')).toBeTruthy();
    expect(screen.getByText('中通快递 ZT7788990011')).toBeTruthy();
    expect(screen.queryByText('退货地址')).toBeNull();
  });

  it('再次申请 after a rejection: the owner’s reason, then new words and photos of the buyer’s own folder', async () => {
    await open(makeAfterSale({ status: 'rejected', rejectReason: '图片看不出受潮', commands: ['reopen'] }));
    expect(screen.getByText('图片看不出受潮')).toBeTruthy();
    expect(screen.getByText('商家拒绝了申请，你可以补充说明后再次申请')).toBeTruthy();
    fireEvent.click(screen.getByText('再次申请'));
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByText('请补充说明或上传新的凭证')).toBeTruthy();

    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:a/3.jpg'] });
    upload.mockImplementation(async (path: string) => ({ ok: true, data: { fileID: `cloud://e.b/${path}` } }));
    fireEvent.click(screen.getByText('上传凭证 0/6'));
    await screen.findByText('上传凭证 1/6');
    await typeInto('补充说明', ' 开罐即有霉味 ');
    api.reopenAfterSale.mockResolvedValueOnce(answer(makeAfterSale({ reopened: true })));
    await act(async () => fireEvent.click(screen.getByText('提交')));
    expect(api.reopenAfterSale).toHaveBeenCalledWith({
      afterSaleId: CASE,
      description: '开罐即有霉味',
      photos: ['cloud://e.b/aftersales/dev_bob/3.jpg'],
    });
    expect(await screen.findByText('待商家处理')).toBeTruthy();
  });

  it('shows the refund number once asked of WeChat Pay; h5 completes it with the simulator', async () => {
    process.env.TARO_ENV = 'h5';
    await open(makeAfterSale({ status: 'refunding', outRefundNo: 'YJ7K3M9Q2W4E6R8T1YS1R' }));
    expect(screen.getByText('退款单号')).toBeTruthy();
    expect(screen.getByText('YJ7K3M9Q2W4E6R8T1YS1R')).toBeTruthy();
    devRefund.mockResolvedValueOnce({ ok: true, data: null });
    api.afterSale.mockResolvedValueOnce(
      answer(makeAfterSale({ status: 'refunded', outRefundNo: 'YJ7K3M9Q2W4E6R8T1YS1R' })),
    );
    await act(async () => fireEvent.click(screen.getByText('模拟微信退款到账')));
    expect(devRefund).toHaveBeenCalledWith('YJ7K3M9Q2W4E6R8T1YS1R');
    expect(await screen.findByText('已退款 ¥12.90，已原路退回')).toBeTruthy();
    expect(screen.queryByText('模拟微信退款到账')).toBeNull();
  });

  it('never offers the simulator outside h5', async () => {
    await open(makeAfterSale({ status: 'refunding', outRefundNo: 'YJ7K3M9Q2W4E6R8T1YS1R' }));
    expect(screen.queryByText('模拟微信退款到账')).toBeNull();
  });

  it('a malformed id is not asked for', async () => {
    taroPage.params = { id: 'nope' };
    render(<AfterSalePage />);
    expect(await screen.findByText('售后申请不存在')).toBeTruthy();
    await waitFor(() => expect(api.afterSale).not.toHaveBeenCalled());
  });
});
