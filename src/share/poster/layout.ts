// The poster as a list of drawing operations, computed from its content and a text measure: no canvas here, so the
// wrapping and the positions are tested as they are; paint.ts runs the list on a 2D context.
//
//  ┌──────────── 600 ────────────┐   red ground, a white card inset 24
//  │  product photo 504 × 504    │
//  │  ¥12.90                     │   price
//  │  title, up to two lines     │
//  │ ─────────────────────────── │
//  │  来自 X 的推荐      ┌──────┐ │
//  │  “note, up to three │ code │ │
//  │   lines”            └──────┘ │
//  │                 长按识别小程序码│
//  └─────────────────────────────┘ 960

export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 960;
/** Device pixels per layout unit in the saved image (1200 × 1920). */
export const POSTER_SCALE = 2;

/** Width of `text` drawn in `font` (a CSS font string), in layout units. */
export type Measure = (text: string, font: string) => number;

export interface PosterContent {
  title: string;
  /** Already formatted: "¥12.90". */
  priceText: string;
  nickname: string;
  note: string;
}

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; radius: number; color: string }
  | { kind: 'image'; slot: 'product' | 'code'; x: number; y: number; w: number; h: number; radius: number }
  /** `y` is the top of the text (drawn with textBaseline 'top'); `x` its left edge, or its centre when centred. */
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string; align: 'left' | 'center' };

const font = (size: number, weight: 'normal' | 'bold' = 'normal') => `${weight} ${size}px sans-serif`;

const RED = '#e4393c';
const CARD = { x: 24, y: 24, w: 552, h: 912 };
const PAD = 24;
const LEFT = CARD.x + PAD;
const INNER_W = CARD.w - PAD * 2;
const PHOTO = { x: LEFT, y: CARD.y + PAD, w: INNER_W, h: INNER_W };
const FOOT_Y = 744;
const CODE_SIZE = 136;
/** Where the code goes (the journeys read it there). */
export const CODE = { x: CARD.x + CARD.w - PAD - CODE_SIZE, y: FOOT_Y + 16, w: CODE_SIZE, h: CODE_SIZE };
const FOOT_TEXT_W = CODE.x - PAD - LEFT;

export const FONTS = {
  price: font(44, 'bold'),
  title: font(30, 'bold'),
  from: font(24),
  note: font(26),
  caption: font(18),
};

export function layoutPoster(content: PosterContent, measure: Measure): PosterOp[] {
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: POSTER_HEIGHT, radius: 0, color: RED },
    { kind: 'rect', ...CARD, radius: 24, color: '#ffffff' },
    { kind: 'image', slot: 'product', ...PHOTO, radius: 16 },
  ];
  const text = (t: string, x: number, y: number, f: string, color: string, align: 'left' | 'center' = 'left') =>
    ops.push({ kind: 'text', text: t, x, y, font: f, color, align });

  let y = PHOTO.y + PHOTO.h + 24;
  text(content.priceText, LEFT, y, FONTS.price, RED);
  y += 60;
  for (const line of wrapText(content.title, INNER_W, 2, measure, FONTS.title)) {
    text(line, LEFT, y, FONTS.title, '#222222');
    y += 42;
  }

  ops.push({ kind: 'rect', x: LEFT, y: FOOT_Y, w: INNER_W, h: 1, radius: 0, color: '#eeeeee' });
  const from = wrapText(`来自 ${content.nickname} 的推荐`, FOOT_TEXT_W, 1, measure, FONTS.from)[0] ?? '';
  text(from, LEFT, FOOT_Y + 20, FONTS.from, '#888888');
  const note = content.note.trim();
  const noteLines = note
    ? wrapText(`“${note}”`, FOOT_TEXT_W, 3, measure, FONTS.note)
    : wrapText('长按右侧小程序码，看看这件好物', FOOT_TEXT_W, 2, measure, FONTS.from);
  let noteY = FOOT_Y + 60;
  for (const line of noteLines) {
    text(line, LEFT, noteY, note ? FONTS.note : FONTS.from, note ? '#333333' : '#aaaaaa');
    noteY += 38;
  }

  ops.push({ kind: 'image', slot: 'code', ...CODE, radius: 0 });
  text('长按识别小程序码', CODE.x + CODE.w / 2, CODE.y + CODE.h + 8, FONTS.caption, '#999999', 'center');
  return ops;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: between Chinese characters anywhere, between Latin words at
 * spaces (a word too long for a line is broken too), at newlines always. Past `maxLines` the last line ends in "…".
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: Measure,
  fontName: string,
): string[] {
  const width = (s: string) => measure(s, fontName);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    if (!paragraph.trim()) continue;
    let current = '';
    const tokens = paragraph.match(/[A-Za-z0-9]+|\s+|[^A-Za-z0-9\s]/gu) ?? [];
    for (const token of tokens) {
      const space = /^\s+$/.test(token);
      if (!current && space) continue;
      if (width(current + token) <= maxWidth) {
        current += token;
        continue;
      }
      if (current) lines.push(current.trimEnd());
      current = '';
      if (space) continue;
      for (const ch of Array.from(token)) {
        if (current && width(current + ch) > maxWidth) {
          lines.push(current);
          current = ch;
        } else {
          current += ch;
        }
      }
    }
    if (current.trim()) lines.push(current.trimEnd());
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1], maxWidth, width);
  return kept;
}

function ellipsize(line: string, maxWidth: number, width: (s: string) => number): string {
  let chars = Array.from(line);
  while (chars.length > 0 && width(`${chars.join('')}…`) > maxWidth) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}…`;
}

/** The part of a `srcW × srcH` image that fills a `boxW × boxH` box without stretching (CSS object-fit: cover). */
export function coverCrop(
  srcW: number,
  srcH: number,
  boxW: number,
  boxH: number,
): { sx: number; sy: number; sw: number; sh: number } {
  const scale = Math.max(boxW / srcW, boxH / srcH);
  const sw = boxW / scale;
  const sh = boxH / scale;
  return { sx: (srcW - sw) / 2, sy: (srcH - sh) / 2, sw, sh };
}
