import { render } from '@testing-library/react';
import type { ChartSpec } from '../chart-data';
import F2Chart from './index';

// F2 itself is not run here (jsdom has no canvas drawing): the test holds what the h5 host hands it.
const made: Array<{ props: Record<string, unknown>; render: jest.Mock; destroy: jest.Mock }> = [];
jest.mock('@antv/f2', () => ({
  Canvas: jest.fn().mockImplementation((props: Record<string, unknown>) => {
    const canvas = { props, render: jest.fn(() => Promise.resolve()), destroy: jest.fn() };
    made.push(canvas);
    return canvas;
  }),
}));
jest.mock('../charts', () => ({ chartTree: (spec: unknown) => ({ tree: spec }) }));

const context = { fake: '2d context' };
const spec: ChartSpec = { kind: 'trend', points: [{ day: '12-03', gmv: 1105, orders: 11 }] };

beforeEach(() => {
  made.length = 0;
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(() => context as unknown as CanvasRenderingContext2D);
  Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
});

describe('the h5 chart host', () => {
  it('draws the spec into its canvas’s 2d context at the device’s pixel ratio', () => {
    const { container } = render(<F2Chart id="trend" spec={spec} height={220} label="每日成交额与订单数" />);
    const canvas = container.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toBe('每日成交额与订单数');
    expect(made).toHaveLength(1);
    expect(made[0].props).toMatchObject({ context, pixelRatio: 2, height: 220, children: { tree: spec } });
    expect(canvas.height).toBe(440);
    expect(made[0].render).toHaveBeenCalled();
  });

  it('draws again when the data changes, and lets go of the old chart (and the last on unmount)', () => {
    const { rerender, unmount } = render(<F2Chart id="trend" spec={spec} height={220} label="趋势" />);
    const next: ChartSpec = { kind: 'channels', bars: [{ name: '聊天', orders: 8, gmv: 800 }] };
    rerender(<F2Chart id="trend" spec={next} height={220} label="趋势" />);
    expect(made).toHaveLength(2);
    expect(made[0].destroy).toHaveBeenCalled();
    expect(made[1].props.children).toEqual({ tree: next });
    unmount();
    expect(made[1].destroy).toHaveBeenCalled();
  });
});
