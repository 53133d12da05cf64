import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { shopApi } from '../../api/shop';
import { makeOwnerGroupBuy, makeOwnerProductDetail } from '../../test-utils/campaigns-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import GroupBuyEditorPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign-owner', () => ({ campaignOwnerApi: { saveGroupBuy: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { ownerProducts: jest.fn(), ownerProduct: jest.fn() } }));

const Taro = mockedTaro();
const save = campaignOwnerApi.saveGroupBuy as jest.MockedFunction<typeof campaignOwnerApi.saveGroupBuy>;
const ownerProducts = shopApi.ownerProducts as jest.MockedFunction<typeof shopApi.ownerProducts>;
const ownerProduct = shopApi.ownerProduct as jest.MockedFunction<typeof shopApi.ownerProduct>;

const card = (id: string, title: string) => ({
  id,
  title,
  image: '',
  priceFen: 4990,
  stock: 11,
  skuCount: 2,
  status: 'on_sale' as const,
  soldOut: false,
});

/** Types into a Taro Input the way its web component reports typing: an `input` event carrying `detail.value`. */
function typeInto(placeholder: string, value: string) {
  const host = screen.getAllByPlaceholderText(placeholder)[0].closest('taro-input-core')!;
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** Picks a value in one of the pickers, in page order: start date, start time, end date, end time. */
function pick(index: number, value: string) {
  const picker = Array.from(document.querySelectorAll('taro-picker-core'))[index];
  act(() => void fireEvent(picker, new CustomEvent('change', { detail: { value } })));
}

async function chooseTea() {
  fireEvent.click(await screen.findByText('云南古树红茶'));
  expect(await screen.findByText('100g')).toBeTruthy();
}

/** A complete form: 100g at ¥39.90 in groups of 3 within 24 hours, from 2099-12-01 10:00 to 12-31 22:00. */
async function fillTheForm() {
  await chooseTea();
  fireEvent.click(screen.getByText('100g'));
  typeInto('拼团价（元），低于 ¥49.90', '39.9');
  typeInto('如：2', '3');
  pick(0, '2099-12-01');
  pick(1, '10:00');
  pick(2, '2099-12-31');
  pick(3, '22:00');
  typeInto('如：100', '100');
  typeInto('如：1', '2');
}

beforeEach(() => {
  resetTaroMock();
  save.mockReset();
  ownerProducts.mockReset().mockResolvedValue({
    ok: true,
    data: { items: [card('p1', '云南古树红茶'), card('p2', '五常大米')], nextCursor: null },
  });
  ownerProduct.mockReset().mockResolvedValue({ ok: true, data: makeOwnerProductDetail() });
});

describe('新建拼团', () => {
  it('checks the form before sending and says what to fix, in Chinese', async () => {
    render(<GroupBuyEditorPage />);
    await screen.findByText('云南古树红茶');
    fireEvent.click(screen.getByText('发布拼团'));
    expect(screen.getByText('请选择拼团的商品')).toBeTruthy();
    expect(screen.getByText('请选择结束时间')).toBeTruthy();
    expect(screen.getByText('活动库存为 1 到 100000 件')).toBeTruthy();
    typeInto('如：2', '11');
    typeInto('如：24', '73');
    fireEvent.click(screen.getByText('发布拼团'));
    expect(screen.getByText('成团人数为 2 到 10 人')).toBeTruthy();
    expect(screen.getByText('成团时限为 1 到 72 小时')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  it('reads the chosen product’s SKUs afresh; each group price below its normal price, said inline', async () => {
    render(<GroupBuyEditorPage />);
    await chooseTea();
    expect(ownerProduct).toHaveBeenCalledWith({ id: 'p1' });
    expect(screen.getByText('原价 ¥49.90 · 库存 8')).toBeTruthy();
    expect(screen.getByText('原价 ¥99.90 · 库存 3')).toBeTruthy();
    fireEvent.click(screen.getByText('发布拼团'));
    expect(screen.getByText('请至少选择一个参加活动的规格')).toBeTruthy();

    fireEvent.click(screen.getByText('100g'));
    expect(screen.getByText('拼团价需低于原价 ¥49.90').className).toContain('campaign-editor__hint');
    typeInto('拼团价（元），低于 ¥49.90', '49.90');
    fireEvent.click(screen.getByText('发布拼团'));
    expect(screen.getByText('拼团价需低于原价 ¥49.90').className).toContain('campaign-editor__error');
    expect(save).not.toHaveBeenCalled();
  });

  it('publishes after a confirmation: the draft sent is the form, and it goes back', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { groupBuy: makeOwnerGroupBuy() } });
    render(<GroupBuyEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布拼团'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '发布拼团',
        content:
          '「云南古树红茶」3人团，拼团价 ¥39.90，12月1日 10:00 至 12月31日 22:00 可开团。' +
          '每个团 24 小时内凑齐 3 人付款即成团；到时未凑齐的团自动全额退款。',
      }),
    );
    expect(save).toHaveBeenCalledWith({
      groupBuy: {
        productId: 'p1',
        skus: [{ skuId: 's1', groupPriceFen: 3990 }],
        size: 3,
        hours: 24,
        startAt: new Date(2099, 11, 1, 10, 0).toISOString(),
        endAt: new Date(2099, 11, 31, 22, 0).toISOString(),
        stockCap: 100,
        perMember: 2,
      },
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('declined at the confirmation, nothing is sent', async () => {
    taroPage.confirm = false;
    render(<GroupBuyEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布拼团'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal and stays on the form', async () => {
    save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'campaign.overlap', message: '这个商品已有未结束的同类活动' },
    });
    render(<GroupBuyEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布拼团'));
    expect(await screen.findByText('这个商品已有未结束的同类活动')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '这个商品已有未结束的同类活动', icon: 'none' });
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('a product that cannot be read is said, and another can be chosen', async () => {
    ownerProduct.mockResolvedValueOnce({
      ok: false,
      error: { code: 'product.not_found', message: '商品不存在或已下架' },
    });
    render(<GroupBuyEditorPage />);
    fireEvent.click(await screen.findByText('云南古树红茶'));
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    ownerProduct.mockResolvedValueOnce({
      ok: true,
      data: makeOwnerProductDetail({
        id: 'p2',
        title: '五常大米',
        skus: [{ id: 's3', spec: '5kg', priceFen: 4990, stock: 9 }],
      }),
    });
    fireEvent.click(screen.getByText('五常大米'));
    // One SKU alone is taken part by itself.
    expect(await screen.findByPlaceholderText('拼团价（元），低于 ¥49.90')).toBeTruthy();
    expect(screen.queryByText('商品不存在或已下架')).toBeNull();
    expect(screen.getByText('更换')).toBeTruthy();
  });

  it('a non-owner is told', async () => {
    save.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<GroupBuyEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布拼团'));
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
