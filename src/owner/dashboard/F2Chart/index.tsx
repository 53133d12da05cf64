// h5: F2 draws into a plain canvas element's 2d context, at the device's pixel ratio, and again when the data
// changes. The weapp build uses index.weapp.tsx (Taro's Canvas type="2d" and its node's context).
import { useEffect, useRef } from 'react';
import { Canvas } from '@antv/f2';
import { chartTree } from '../charts';
import type { F2ChartProps } from './types';

export default function F2Chart({ id, spec, height, label }: F2ChartProps) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = ref.current;
    const context = el?.getContext('2d');
    if (!el || !context) return;
    const width = el.clientWidth || 343;
    const pixelRatio = window.devicePixelRatio || 1;
    el.width = width * pixelRatio;
    el.height = height * pixelRatio;
    const canvas = new Canvas({ context, pixelRatio, width, height, children: chartTree(spec) });
    void canvas.render();
    return () => canvas.destroy();
  }, [spec, height]);

  return <canvas id={id} ref={ref} aria-label={label} style={{ width: '100%', height: `${height}px` }} />;
}
