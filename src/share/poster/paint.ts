// Runs the poster's drawing operations (layout.ts) on a 2D context: the same calls on a weapp canvas node and an
// h5 <canvas>. A photo that failed to load leaves a grey box rather than no poster.
import { coverCrop, type PosterOp } from './layout';

/** The part of CanvasRenderingContext2D the poster uses (weapp's 2D context has the same methods). */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'fillRect'
  | 'fillText'
  | 'drawImage'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'arcTo'
  | 'closePath'
  | 'clip'
  | 'fill'
>;

export interface PosterImage {
  source: CanvasImageSource;
  width: number;
  height: number;
}

export type PosterImages = Partial<Record<'product' | 'code', PosterImage | null>>;

export function paintPoster(ctx: PosterContext, ops: PosterOp[], images: PosterImages): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'rect':
        ctx.fillStyle = op.color;
        if (op.radius > 0) {
          roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
          ctx.fill();
        } else {
          ctx.fillRect(op.x, op.y, op.w, op.h);
        }
        break;
      case 'image': {
        const image = images[op.slot];
        if (!image || image.width <= 0 || image.height <= 0) {
          ctx.fillStyle = '#f2f2f2';
          ctx.fillRect(op.x, op.y, op.w, op.h);
          break;
        }
        const { sx, sy, sw, sh } = coverCrop(image.width, image.height, op.w, op.h);
        ctx.save();
        if (op.radius > 0) {
          roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
          ctx.clip();
        }
        ctx.drawImage(image.source, sx, sy, sw, sh, op.x, op.y, op.w, op.h);
        ctx.restore();
        break;
      }
      case 'text':
        ctx.font = op.font;
        ctx.fillStyle = op.color;
        ctx.textAlign = op.align;
        ctx.textBaseline = 'top';
        ctx.fillText(op.text, op.x, op.y);
        break;
    }
  }
}

// arcTo rather than roundRect: older WeChat clients' 2D context lacks roundRect.
function roundedPath(ctx: PosterContext, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
