import { fireEvent, render, screen } from '@testing-library/react';
import ProductCard from './index';

// The card calls no Taro API; the web components import Taro only for its event bus.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() } },
}));

const card = { id: 'p1', title: '云南古树普洱 357g 饼茶', image: '/img/p1.png', priceFen: 1290, soldOut: false };

describe('ProductCard', () => {
  it('shows the title and the price in yuan', () => {
    render(<ProductCard product={card} />);
    expect(screen.getByText('云南古树普洱 357g 饼茶')).toBeTruthy();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect(screen.queryByText('已售罄')).toBeNull();
  });

  it('calls onTap with the product id when tapped', () => {
    const onTap = jest.fn();
    render(<ProductCard product={card} onTap={onTap} />);
    fireEvent.click(screen.getByText('云南古树普洱 357g 饼茶'));
    expect(onTap).toHaveBeenCalledTimes(1);
    expect(onTap).toHaveBeenCalledWith('p1');
  });

  it('marks a sold-out product', () => {
    render(<ProductCard product={{ ...card, soldOut: true }} />);
    expect(screen.getByText('已售罄')).toBeTruthy();
  });
});
