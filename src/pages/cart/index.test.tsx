import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useCart, type CartItem } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import CartPage from './index';

// The modal's answer is up to each test (taroPage.confirm: 确定 or 取消).
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

const Taro = mockedTaro();
const tea: CartItem = {
  productId: 'p1',
  skuId: 's1',
  title: '云南古树红茶',
  spec: '200g 罐装',
  priceFen: 1290,
  image: '/img/p1.png',
  stock: 3,
};
const rice: CartItem = {
  productId: 'p2',
  skuId: 's9',
  title: '五常大米',
  spec: '5kg',
  priceFen: 6990,
  image: '/img/p2.png',
  stock: 50,
};
const initialCart = useCart.getState();
const initialCheckout = useCheckout.getState();
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

beforeEach(() => {
  resetTaroMock();
  useCart.setState(initialCart, true);
  useCheckout.setState(initialCheckout, true);
});

/** The cart row showing this title. */
const row = (title: string) => screen.getByText(title).closest('.cart-row') as HTMLElement;

describe('cart page', () => {
  it('says the cart is empty and offers to go shopping', () => {
    render(<CartPage />);
    expect(screen.getByText('购物车还是空的')).toBeTruthy();
    fireEvent.click(screen.getByText('去逛逛'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('lists the lines with a total of the selected ones', () => {
    useCart.getState().add(tea, 2);
    useCart.getState().add(rice);
    render(<CartPage />);
    expect(within(row('云南古树红茶')).getByText('200g 罐装')).toBeTruthy();
    expect(within(row('云南古树红茶')).getByText('¥12.90')).toBeTruthy();
    expect(screen.getByText('¥95.70')).toBeTruthy(); // 2 × 12.90 + 69.90
    expect(screen.getByText('去结算(3)')).toBeTruthy();
  });

  it('steps the quantity within 1..stock', () => {
    useCart.getState().add(tea, 2);
    render(<CartPage />);
    const line = row('云南古树红茶');
    const plus = within(line).getByLabelText('增加数量');
    const minus = within(line).getByLabelText('减少数量');

    fireEvent.click(plus);
    expect(within(line).getByLabelText('数量').textContent).toBe('3');
    expect(plus.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(plus);
    expect(within(line).getByLabelText('数量').textContent).toBe('3');
    expect(lastToast()).toBe('库存仅剩 3 件');

    fireEvent.click(minus);
    fireEvent.click(minus);
    expect(within(line).getByLabelText('数量').textContent).toBe('1');
    expect(minus.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(minus);
    expect(within(line).getByLabelText('数量').textContent).toBe('1');
    expect(useCart.getState().lines[0].qty).toBe(1);
  });

  it('removes a line only after the buyer confirms', async () => {
    useCart.getState().add(tea);
    useCart.getState().add(rice);
    render(<CartPage />);

    taroPage.confirm = false;
    await act(async () => fireEvent.click(within(row('五常大米')).getByText('删除')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '删除商品', content: '确定把「五常大米」从购物车删除吗？' }),
    );
    expect(screen.getByText('五常大米')).toBeTruthy();

    taroPage.confirm = true;
    await act(async () => fireEvent.click(within(row('五常大米')).getByText('删除')));
    expect(screen.queryByText('五常大米')).toBeNull();
    expect(useCart.getState().lines.map((l) => l.title)).toEqual(['云南古树红茶']);

    await act(async () => fireEvent.click(within(row('云南古树红茶')).getByText('删除')));
    expect(screen.getByText('购物车还是空的')).toBeTruthy();
  });

  it('selects lines one by one or all at once, and the total follows', () => {
    useCart.getState().add(tea);
    useCart.getState().add(rice);
    render(<CartPage />);
    fireEvent.click(screen.getByLabelText('选择 五常大米 5kg'));
    expect(screen.getByText('¥12.90', { selector: '.cart__total-value' })).toBeTruthy();
    expect(screen.getByLabelText('全选').getAttribute('aria-checked')).toBe('false');

    fireEvent.click(screen.getByText('全选'));
    expect(screen.getByLabelText('全选').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('¥82.80')).toBeTruthy();

    fireEvent.click(screen.getByText('全选'));
    expect(screen.getByText('¥0.00')).toBeTruthy();
    fireEvent.click(screen.getByText('去结算'));
    expect(lastToast()).toBe('请选择要结算的商品');
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('去结算 starts a checkout of the selected lines', () => {
    useCart.getState().add(tea, 2);
    useCart.getState().add(rice);
    render(<CartPage />);
    fireEvent.click(screen.getByLabelText('选择 五常大米 5kg'));
    fireEvent.click(screen.getByText('去结算(2)'));
    const draft = useCheckout.getState().draft!;
    expect(draft.source).toBe('cart');
    expect(draft.lines).toEqual([
      {
        productId: 'p1',
        skuId: 's1',
        qty: 2,
        title: '云南古树红茶',
        spec: '200g 罐装',
        image: '/img/p1.png',
        priceFen: 1290,
      },
    ]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/checkout/index' });
  });
});
