import {
  coverCrop,
  FONTS,
  layoutPoster,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  wrapText,
  type Measure,
  type PosterOp,
} from './layout';
import { paintPoster, type PosterContext } from './paint';

/** A measure like a real font's: a Chinese character is as wide as the font size, Latin and digits half. */
const measure: Measure = (text, font) => {
  const size = Number(/(\d+)px/.exec(font)![1]);
  return Array.from(text).reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? size / 2 : size), 0);
};
const F = 'normal 20px sans-serif';

describe('wrapText', () => {
  it('keeps a short text on one line', () => {
    expect(wrapText('好喝不贵', 200, 2, measure, F)).toEqual(['好喝不贵']);
  });

  it('breaks Chinese anywhere, filling each line', () => {
    // 100 wide at 20 per character: five characters a line.
    expect(wrapText('一二三四五六七八九十', 100, 3, measure, F)).toEqual(['一二三四五', '六七八九十']);
  });

  it('breaks Latin text between words, without a leading space', () => {
    expect(wrapText('Yunnan black tea', 100, 3, measure, F)).toEqual(['Yunnan', 'black tea']);
  });

  it('breaks a word longer than a line', () => {
    expect(wrapText('abcdefghijklmnopqrstuvwxy', 100, 3, measure, F)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxy']);
  });

  it('starts a new line at a newline and skips empty lines', () => {
    expect(wrapText('第一行\n\n第二行', 200, 3, measure, F)).toEqual(['第一行', '第二行']);
  });

  it('ends the last allowed line in an ellipsis that still fits', () => {
    const lines = wrapText('一二三四五六七八九十十一十二', 100, 2, measure, F);
    expect(lines).toEqual(['一二三四五', '六七八九…']);
    for (const line of lines) expect(measure(line, F)).toBeLessThanOrEqual(100);
  });

  it('keeps emoji whole', () => {
    expect(wrapText('😀😀😀😀😀😀', 60, 2, measure, F)).toEqual(['😀😀😀', '😀😀😀']);
  });
});

describe('coverCrop', () => {
  it('crops the sides of a wide photo into a square', () => {
    expect(coverCrop(800, 400, 100, 100)).toEqual({ sx: 200, sy: 0, sw: 400, sh: 400 });
  });

  it('crops top and bottom of a tall photo', () => {
    expect(coverCrop(400, 1000, 200, 100)).toEqual({ sx: 0, sy: 400, sw: 400, sh: 200 });
  });
});

describe('layoutPoster', () => {
  const content = {
    title: '云南古树红茶 200g 罐装 高山春茶 蜜香回甘 送礼自饮两相宜 年货礼盒',
    priceText: '¥12.90',
    nickname: 'alice',
    note: '我家常备，早上一杯，回甘明显',
  };
  const texts = (ops: PosterOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op] : []));
  const imageOf = (ops: PosterOp[], slot: 'product' | 'code') =>
    ops.find((op) => op.kind === 'image' && op.slot === slot)!;

  it('draws the photo, price, title, who recommends it, the note, the code and its caption', () => {
    const ops = layoutPoster(content, measure);
    expect(texts(ops).map((t) => t.text)).toEqual([
      '¥12.90',
      ...wrapText(content.title, 504, 2, measure, FONTS.title),
      '来自 alice 的推荐',
      '“我家常备，早上一杯，回甘',
      '明显”',
      '长按识别小程序码',
    ]);
    expect(imageOf(ops, 'product')).toMatchObject({ x: 48, y: 48, w: 504, h: 504 });
    expect(imageOf(ops, 'code')).toMatchObject({ w: 136, h: 136 });
  });

  it('keeps the title to two lines above the recommendation, and never overlaps text with the code', () => {
    const ops = layoutPoster({ ...content, title: content.title.repeat(2), note: '这款茶'.repeat(20) }, measure);
    const code = imageOf(ops, 'code');
    const title = texts(ops).filter((t) => t.font === FONTS.title);
    expect(title).toHaveLength(2);
    expect(title[1].text.endsWith('…')).toBe(true);
    const from = texts(ops).find((t) => t.text.startsWith('来自'))!;
    expect(title[1].y + 42).toBeLessThanOrEqual(from.y);
    const note = texts(ops).filter((t) => t.font === FONTS.note);
    expect(note).toHaveLength(3);
    for (const t of [from, ...note]) expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(code.x);
  });

  it('keeps everything inside the white card', () => {
    const ops = layoutPoster({ ...content, note: '好'.repeat(60) }, measure);
    const card = ops[1] as Extract<PosterOp, { kind: 'rect' }>;
    expect(card).toMatchObject({ x: 24, y: 24, w: 552, h: 912, color: '#ffffff' });
    for (const op of ops.slice(2)) {
      const w = op.kind === 'text' ? measure(op.text, op.font) : op.w;
      const left = op.kind === 'text' && op.align === 'center' ? op.x - w / 2 : op.x;
      const h = op.kind === 'text' ? Number(/(\d+)px/.exec(op.font)![1]) : op.h;
      expect(left).toBeGreaterThanOrEqual(card.x);
      expect(left + w).toBeLessThanOrEqual(card.x + card.w);
      expect(op.y + h).toBeLessThanOrEqual(card.y + card.h);
    }
    expect(POSTER_WIDTH / POSTER_HEIGHT).toBeCloseTo(0.625);
  });

  it('without a note, invites a scan instead', () => {
    const ops = layoutPoster({ ...content, note: '  ' }, measure);
    const lines = texts(ops).map((t) => t.text);
    expect(lines.some((t) => t.startsWith('“'))).toBe(false);
    expect(lines.join('')).toContain('长按右侧小程序码，看看这件好物');
  });

  it('shortens a long nickname to one line', () => {
    const ops = layoutPoster({ ...content, nickname: '一位名字特别特别特别特别长的朋友' }, measure);
    const from = texts(ops).find((t) => t.text.startsWith('来自'))!;
    expect(from.text.endsWith('…')).toBe(true);
    expect(measure(from.text, from.font)).toBeLessThanOrEqual(344);
  });
});

describe('paintPoster', () => {
  function recorder() {
    const calls: Array<[string, ...unknown[]]> = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, key: string) =>
        key in target ? target[key] : (...args: unknown[]) => void calls.push([key, ...args]),
      set: (target, key: string, value) => {
        target[key] = value;
        calls.push([`set ${key}`, value]);
        return true;
      },
    });
    return { ctx: ctx as unknown as PosterContext, calls };
  }

  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: 600, h: 960, radius: 0, color: '#e4393c' },
    { kind: 'image', slot: 'product', x: 48, y: 48, w: 504, h: 504, radius: 16 },
    { kind: 'image', slot: 'code', x: 416, y: 760, w: 136, h: 136, radius: 0 },
    { kind: 'text', text: '长按识别小程序码', x: 484, y: 904, font: FONTS.caption, color: '#999999', align: 'center' },
  ];

  it('draws a photo cropped to fill its box, and text from its top', () => {
    const { ctx, calls } = recorder();
    const photo = { source: {} as CanvasImageSource, width: 1000, height: 800 };
    const code = { source: {} as CanvasImageSource, width: 430, height: 430 };
    paintPoster(ctx, ops, { product: photo, code });
    expect(calls).toContainEqual(['fillRect', 0, 0, 600, 960]);
    expect(calls).toContainEqual(['drawImage', photo.source, 100, 0, 800, 800, 48, 48, 504, 504]);
    expect(calls).toContainEqual(['drawImage', code.source, 0, 0, 430, 430, 416, 760, 136, 136]);
    expect(calls).toContainEqual(['fillText', '长按识别小程序码', 484, 904]);
    const text = calls.findIndex((c) => c[0] === 'fillText');
    expect(calls.slice(0, text)).toEqual(
      expect.arrayContaining([
        ['set textBaseline', 'top'],
        ['set textAlign', 'center'],
      ]),
    );
  });

  it('leaves a grey box where a photo failed to load', () => {
    const { ctx, calls } = recorder();
    paintPoster(ctx, ops, { product: null, code: { source: {} as CanvasImageSource, width: 430, height: 430 } });
    expect(calls.filter((c) => c[0] === 'drawImage')).toHaveLength(1);
    expect(calls).toContainEqual(['fillRect', 48, 48, 504, 504]);
  });
});
