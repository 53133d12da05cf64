import { render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ChartSpec } from '../chart-data';
import F2Chart from './index.weapp';

// The weapp host: Taro's Canvas type="2d", found by its id once on screen; F2 gets the node's context, its frames
// and an mockOffscreen canvas to measure text (a mini program has no document). F2 and the canvas are recorded.
const mockCanvases: Array<Record<string, unknown>> = [];
jest.mock('@tarojs/components', () => ({
  Canvas: (props: Record<string, unknown>) => {
    mockCanvases.push(props);
    return null;
  },
  View: ({ children }: { children: unknown }) => children,
}));
const mockMade: Array<{ props: Record<string, unknown>; render: jest.Mock; destroy: jest.Mock }> = [];
jest.mock('@antv/f2', () => ({
  Canvas: jest.fn().mockImplementation((props: Record<string, unknown>) => {
    const canvas = { props, render: jest.fn(() => Promise.resolve()), destroy: jest.fn() };
    mockMade.push(canvas);
    return canvas;
  }),
}));
jest.mock('../charts', () => ({ chartTree: (spec: unknown) => ({ tree: spec }) }));

const mockContext = { fake: '2d context' };
const mockOffscreen = { fake: 'mockOffscreen canvas' };
const mockNode = {
  width: 0,
  height: 0,
  getContext: jest.fn(() => mockContext),
  requestAnimationFrame: jest.fn(() => 7),
  cancelAnimationFrame: jest.fn(),
};
const mockSelected: string[] = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    nextTick: (cb: () => void) => Promise.resolve().then(cb),
    getSystemInfoSync: () => ({ pixelRatio: 3 }),
    createOffscreenCanvas: jest.fn(() => mockOffscreen),
    createSelectorQuery: () => {
      const query = {
        select: (selector: string) => (mockSelected.push(selector), query),
        fields: () => query,
        exec: (cb: (res: unknown[]) => void) => cb([{ node: mockNode, width: 343, height: 220 }]),
      };
      return query;
    },
  },
}));

const spec: ChartSpec = { kind: 'trend', points: [{ day: '12-03', gmv: 1105, orders: 11 }] };

beforeEach(() => {
  mockCanvases.length = 0;
  mockMade.length = 0;
  mockSelected.length = 0;
});

describe('the weapp chart host', () => {
  it('draws into the 2d node found by its id, sized at the pixel ratio, with frames and text measuring', async () => {
    const { unmount } = render(<F2Chart id="dashboard-trend" spec={spec} height={220} label="趋势" />);
    expect(mockCanvases[0]).toMatchObject({ type: '2d', id: 'dashboard-trend' });
    await waitFor(() => expect(mockMade).toHaveLength(1));
    expect(mockSelected).toEqual(['#dashboard-trend']);
    expect(mockMade[0].props).toMatchObject({
      context: mockContext,
      pixelRatio: 3,
      width: 343,
      height: 220,
      offscreenCanvas: mockOffscreen,
      children: { tree: spec },
    });
    expect([mockNode.width, mockNode.height]).toEqual([1029, 660]);
    expect(Taro.createOffscreenCanvas).toHaveBeenCalledWith(expect.objectContaining({ type: '2d' }));
    const frame = () => {};
    expect((mockMade[0].props.requestAnimationFrame as (cb: () => void) => number)(frame)).toBe(7);
    expect(mockNode.requestAnimationFrame).toHaveBeenCalledWith(frame);
    expect(mockMade[0].render).toHaveBeenCalled();
    unmount();
    expect(mockMade[0].destroy).toHaveBeenCalled();
  });

  it('gone before the node was found: draws nothing', async () => {
    const { unmount } = render(<F2Chart id="dashboard-channels" spec={spec} height={160} label="渠道" />);
    unmount();
    await Promise.resolve();
    await Promise.resolve();
    expect(mockMade).toHaveLength(0);
  });
});
