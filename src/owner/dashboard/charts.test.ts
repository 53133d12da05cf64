import { Canvas } from '@antv/f2';
import { chartTree } from './charts';

// F2's jsx-runtime entry is ESM only; its CommonJS build is the same functions.
jest.mock('@antv/f2/jsx-runtime', () => require('@antv/f-engine/lib/jsx/jsx-runtime'));

// F2 drawing for real into a recording 2d context: the labels it writes show the tree is the one meant (and that it
// needs no DOM: the weapp build hands it an offscreen canvas for measuring text, as here).
function draw(spec: Parameters<typeof chartTree>[0]) {
  const texts: string[] = [];
  const calls: Record<string, number> = {};
  const target: Record<string, unknown> = { canvas: { width: 686, height: 440 } };
  const context = new Proxy(target, {
    get(t, key: string) {
      if (key in t) return t[key];
      if (key === 'measureText') return (s: string) => ({ width: String(s).length * 6 });
      if (key === 'getImageData') return () => ({ data: [] });
      return (...args: unknown[]) => {
        calls[key] = (calls[key] ?? 0) + 1;
        if (key === 'fillText') texts.push(String(args[0]));
      };
    },
    set(t, key: string, value) {
      t[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  const offscreenCanvas = { width: 10, height: 10, getContext: () => context };
  // Frames run when the test says (g draws in the next frame): no waiting on a clock.
  const frames: Array<(t: number) => void> = [];
  const canvas = new Canvas({
    context,
    offscreenCanvas: offscreenCanvas as never,
    pixelRatio: 2,
    width: 343,
    height: 220,
    animate: false,
    requestAnimationFrame: (cb: (t: number) => void) => frames.push(cb),
    cancelAnimationFrame: () => {},
    children: chartTree(spec),
  } as ConstructorParameters<typeof Canvas>[0]);
  return canvas.render().then(() => {
    for (let i = 0; i < 20 && frames.length > 0; i++) frames.splice(0).forEach((frame) => frame(i * 16));
    return { texts, calls, canvas };
  });
}

describe('the dashboard charts drawn by F2', () => {
  it('the trend: a day on the axis, bars of GMV and a line of orders', async () => {
    const { texts, calls, canvas } = await draw({
      kind: 'trend',
      points: [
        { day: '12-02', gmv: 20, orders: 1 },
        { day: '12-03', gmv: 1105, orders: 11 },
      ],
    });
    expect(texts).toEqual(expect.arrayContaining(['12-02', '12-03']));
    expect(calls.rect).toBeGreaterThanOrEqual(2);
    expect(calls.lineTo).toBeGreaterThan(0);
    canvas.destroy();
  });

  it('the channels: each channel named on its axis', async () => {
    const { texts, canvas } = await draw({
      kind: 'channels',
      bars: [
        { name: '聊天', orders: 8, gmv: 800 },
        { name: '直接访问', orders: 3, gmv: 226 },
      ],
    });
    expect(texts).toEqual(expect.arrayContaining(['聊天', '直接访问']));
    canvas.destroy();
  });
});
