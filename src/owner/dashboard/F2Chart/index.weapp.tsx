// weapp: Taro's Canvas type="2d"; once on screen its node gives the 2d context F2 draws into (as F2's own mini
// program component does), sized at the device's pixel ratio, and drawn again when the data changes. Its frames and
// its text measuring come from the node and an offscreen canvas (charts.test.ts draws the same way without a DOM).
import { useEffect } from 'react';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Canvas, type CanvasProps } from '@antv/f2';
import { chartTree } from '../charts';
import type { F2ChartProps } from './types';

interface CanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => CanvasRenderingContext2D;
  requestAnimationFrame: (cb: () => void) => number;
  cancelAnimationFrame: (id: number) => void;
}

type Offscreen = CanvasProps['offscreenCanvas'];

export default function F2Chart({ id, spec, height, label }: F2ChartProps) {
  useEffect(() => {
    let canvas: Canvas | null = null;
    let gone = false;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const found = res[0];
          if (gone || !found?.node) return;
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2;
          found.node.width = found.width * pixelRatio;
          found.node.height = found.height * pixelRatio;
          const node = found.node;
          canvas = new Canvas({
            context: node.getContext('2d'),
            pixelRatio,
            width: found.width,
            height: found.height,
            // F2 measures text on an offscreen canvas: the mini program has no document to make one from. Only its
            // getContext('2d') is used, so WeChat's lacking the DOM's event methods does not matter.
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }) as unknown as Offscreen,
            requestAnimationFrame: (cb: () => void) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (id: number) => node.cancelAnimationFrame(id),
            children: chartTree(spec),
          } as CanvasProps);
          void canvas.render();
        });
    });
    return () => {
      gone = true;
      canvas?.destroy();
    };
  }, [id, spec]);

  return (
    <View aria-label={label}>
      <TaroCanvas type="2d" id={id} style={{ width: '100%', height: `${height}px` }} />
    </View>
  );
}
