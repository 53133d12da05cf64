import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { shopApi } from '../../api/shop';
import { makeOwnerFlashSale, makeOwnerProductDetail } from '../../test-utils/campaigns-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import FlashSaleEditorPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign-owner', () => ({ campaignOwnerApi: { saveFlashSale: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { ownerProducts: jest.fn(), ownerProduct: jest.fn() } }));

const Taro = mockedTaro();
const save = campaignOwnerApi.saveFlashSale as jest.MockedFunction<typeof campaignOwnerApi.saveFlashSale>;
const ownerProducts = shopApi.ownerProducts as jest.MockedFunction<typeof shopApi.ownerProducts>;
const ownerProduct = shopApi.ownerProduct as jest.MockedFunction<typeof shopApi.ownerProduct>;

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

/** The tea's two SKUs at ¥29.90 (8 set aside of 8) and ¥79.90 (2 of 3), from 2099-12-01 10:00 to 12:00. */
async function fillTheForm() {
  fireEvent.click(await screen.findByText('云南古树红茶'));
  fireEvent.click(await screen.findByText('100g'));
  fireEvent.click(screen.getByText('250g'));
  typeInto('秒杀价（元），低于 ¥49.90', '29.9');
  typeInto('秒杀数量（件），最多 8', '8');
  typeInto('秒杀价（元），低于 ¥99.90', '79.90');
  typeInto('秒杀数量（件），最多 3', '2');
  pick(0, '2099-12-01');
  pick(1, '10:00');
  pick(2, '2099-12-01');
  pick(3, '12:00');
}

beforeEach(() => {
  resetTaroMock();
  save.mockReset();
  ownerProducts.mockReset().mockResolvedValue({
    ok: true,
    data: {
      items: [
        {
          id: 'p1',
          title: '云南古树红茶',
          image: '',
          priceFen: 4990,
          stock: 11,
          skuCount: 2,
          status: 'on_sale',
          soldOut: false,
        },
      ],
      nextCursor: null,
    },
  });
  ownerProduct.mockReset().mockResolvedValue({ ok: true, data: makeOwnerProductDetail() });
});

describe('新建秒杀', () => {
  it('checks the form before sending: a product, an end, and per SKU a price and units within its stock', async () => {
    render(<FlashSaleEditorPage />);
    await screen.findByText('云南古树红茶');
    fireEvent.click(screen.getByText('发布秒杀'));
    expect(screen.getByText('请选择秒杀的商品')).toBeTruthy();
    expect(screen.getByText('请选择结束时间')).toBeTruthy();

    fireEvent.click(screen.getByText('云南古树红茶'));
    fireEvent.click(await screen.findByText('250g'));
    expect(screen.getByText('秒杀价需低于原价；秒杀数量不能超过现有库存 3 件')).toBeTruthy();
    typeInto('秒杀价（元），低于 ¥99.90', '79.9');
    typeInto('秒杀数量（件），最多 3', '4');
    fireEvent.click(screen.getByText('发布秒杀'));
    expect(screen.getByText('秒杀数量为 1 到 3 件，不能超过现有库存')).toBeTruthy();
    typeInto('秒杀价（元），低于 ¥99.90', '99.9');
    typeInto('秒杀数量（件），最多 3', '3');
    fireEvent.click(screen.getByText('发布秒杀'));
    expect(screen.getByText('秒杀价需低于原价 ¥99.90')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  it('publishes after a confirmation saying the units leave the normal stock; the draft sent is the form', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { flashSale: makeOwnerFlashSale() } });
    render(<FlashSaleEditorPage />);
    await fillTheForm();
    typeInto('如：1', '2');
    fireEvent.click(screen.getByText('发布秒杀'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '发布秒杀',
        content:
          '「云南古树红茶」秒杀价 ¥29.90–¥79.90，12月1日 10:00 至 12月1日 12:00。' +
          '留出 100g 8 件、250g 2 件：发布后立即移出正常库存，活动结束或停止时未售出的退回库存。',
      }),
    );
    expect(save).toHaveBeenCalledWith({
      flashSale: {
        productId: 'p1',
        skus: [
          { skuId: 's1', priceFen: 2990, stock: 8 },
          { skuId: 's2', priceFen: 7990, stock: 2 },
        ],
        startAt: new Date(2099, 11, 1, 10, 0).toISOString(),
        endAt: new Date(2099, 11, 1, 12, 0).toISOString(),
        perMember: 2,
      },
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('declined at the confirmation, nothing is sent', async () => {
    taroPage.confirm = false;
    render(<FlashSaleEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布秒杀'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal and stays on the form', async () => {
    save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'campaign.stock_short', message: '商品库存不足，无法留出这么多活动库存' },
    });
    render(<FlashSaleEditorPage />);
    await fillTheForm();
    fireEvent.click(screen.getByText('发布秒杀'));
    expect(await screen.findByText('商品库存不足，无法留出这么多活动库存')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '商品库存不足，无法留出这么多活动库存', icon: 'none' });
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});
