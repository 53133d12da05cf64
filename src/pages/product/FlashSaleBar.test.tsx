import { act, render, screen } from '@testing-library/react';
import { at, HOUR, makeFlashSale, NOW } from '../../test-utils/campaign';
import FlashSaleBar from './FlashSaleBar';

const skus = [
  { id: 's1', spec: '200g 罐装', priceFen: 1290, stock: 5 },
  { id: 's2', spec: '500g 礼盒', priceFen: 3990, stock: 0 },
];

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('flash-sale band', () => {
  it('while live: the lowest flash price over its struck normal price, 距结束 ticking, the units left', () => {
    render(<FlashSaleBar sale={makeFlashSale()} skus={skus} selectedSkuId={null} onEnd={jest.fn()} />);
    expect(screen.getByText('限时秒杀')).toBeTruthy();
    expect(screen.getByText('秒杀价 ¥6.90')).toBeTruthy();
    expect(screen.getByText('¥12.90').className).toContain('flash-bar__normal');
    expect(screen.getByText('起')).toBeTruthy();
    expect(screen.getByText('距结束 02:03:04')).toBeTruthy();
    expect(screen.getByText('仅剩 8 件')).toBeTruthy();
    expect(screen.getByText('每人限购 1 件')).toBeTruthy();
    act(() => jest.advanceTimersByTime(5000));
    expect(screen.getByText('距结束 02:02:59')).toBeTruthy();
  });

  it('speaks of the picked SKU: its price and what is left of it', () => {
    const { rerender } = render(
      <FlashSaleBar sale={makeFlashSale()} skus={skus} selectedSkuId="s1" onEnd={jest.fn()} />,
    );
    expect(screen.getByText('秒杀价 ¥6.90')).toBeTruthy();
    expect(screen.queryByText('起')).toBeNull();
    rerender(<FlashSaleBar sale={makeFlashSale()} skus={skus} selectedSkuId="s2" onEnd={jest.fn()} />);
    expect(screen.getByText('秒杀价 ¥29.90')).toBeTruthy();
    expect(screen.getByText('¥39.90')).toBeTruthy();
    expect(screen.getByText('该规格已抢光')).toBeTruthy();
  });

  it('before the start: 距开始 and how many units the sale has', () => {
    const sale = makeFlashSale({ status: 'upcoming', startAt: at(26 * HOUR + 5000), endAt: at(30 * HOUR) });
    render(<FlashSaleBar sale={sale} skus={skus} selectedSkuId={null} onEnd={jest.fn()} />);
    expect(screen.getByText('秒杀预告')).toBeTruthy();
    expect(screen.getByText('距开始 1天 02:00:05')).toBeTruthy();
    expect(screen.getByText('限量 8 件')).toBeTruthy();
  });

  it('sold out: 已抢光, still counting to the end', () => {
    const sale = makeFlashSale({
      status: 'sold_out',
      skus: [
        { skuId: 's1', priceFen: 690, stockLeft: 0 },
        { skuId: 's2', priceFen: 2990, stockLeft: 0 },
      ],
    });
    const { container } = render(<FlashSaleBar sale={sale} skus={skus} selectedSkuId={null} onEnd={jest.fn()} />);
    expect(screen.getByText('已抢光')).toBeTruthy();
    expect(screen.getByText('距结束 02:03:04')).toBeTruthy();
    expect(container.querySelector('.flash-bar--sold_out')).toBeTruthy();
  });

  it('an ended sale shows nothing and asks nothing', () => {
    const onEnd = jest.fn();
    const { container } = render(
      <FlashSaleBar sale={makeFlashSale({ status: 'ended' })} skus={skus} selectedSkuId={null} onEnd={onEnd} />,
    );
    expect(container.textContent).toBe('');
    act(() => jest.advanceTimersByTime(3 * HOUR));
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('says once when the countdown runs out, stops ticking, and leaves no timer behind on unmount', () => {
    const onEnd = jest.fn();
    const sale = makeFlashSale({ status: 'upcoming', startAt: at(3000), endAt: at(HOUR) });
    const { unmount } = render(<FlashSaleBar sale={sale} skus={skus} selectedSkuId={null} onEnd={onEnd} />);
    act(() => jest.advanceTimersByTime(2000));
    expect(onEnd).not.toHaveBeenCalled();
    expect(screen.getByText('距开始 00:00:01')).toBeTruthy();
    act(() => jest.advanceTimersByTime(1000));
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(screen.getByText('距开始 00:00:00')).toBeTruthy();
    // Run out: nothing ticks any more.
    expect(jest.getTimerCount()).toBe(0);
    act(() => jest.advanceTimersByTime(10_000));
    expect(onEnd).toHaveBeenCalledTimes(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('clears its timer when the page goes mid-countdown', () => {
    const onEnd = jest.fn();
    const { unmount } = render(<FlashSaleBar sale={makeFlashSale()} skus={skus} selectedSkuId={null} onEnd={onEnd} />);
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    act(() => jest.advanceTimersByTime(3 * HOUR));
    expect(onEnd).not.toHaveBeenCalled();
  });
});
