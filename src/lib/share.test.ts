import {
  isMomentsSinglePage,
  parseProductEntry,
  productShareQuery,
  productSharePath,
  productShareUrl,
  shareCardTitle,
} from './share';

describe('share links', () => {
  it('builds the chat card path of DESIGN.md', () => {
    expect(productSharePath('p1', 'ABC234', 'chat')).toBe('/pages/product/index?id=p1&s=ABC234&c=chat');
  });

  it('builds the Moments query with the moments channel', () => {
    expect(productShareQuery('p1', 'ABC234', 'moments')).toBe('id=p1&s=ABC234&c=moments');
  });

  it('omits s when the sharer has no share code yet', () => {
    expect(productSharePath('p1', undefined)).toBe('/pages/product/index?id=p1&c=chat');
    expect(productShareQuery('p1', '', 'moments')).toBe('id=p1&c=moments');
  });

  it('puts the same path under the h5 hash router', () => {
    expect(productShareUrl('http://127.0.0.1:8080', 'p1', 'ABC234')).toBe(
      'http://127.0.0.1:8080/#/pages/product/index?id=p1&s=ABC234&c=chat',
    );
  });
});

describe('parseProductEntry', () => {
  it('reads id, s and c of a share link', () => {
    expect(parseProductEntry({ id: 'p1', s: 'ABC234', c: 'chat' })).toEqual({ id: 'p1', s: 'ABC234', c: 'chat' });
  });

  it('decodes a poster scene as it arrives from WeChat (URL-encoded)', () => {
    expect(parseProductEntry({ scene: encodeURIComponent('p=p7&s=XYZ789') })).toEqual({
      id: 'p7',
      s: 'XYZ789',
      c: 'poster',
    });
  });

  it('accepts a poster scene that is already decoded', () => {
    expect(parseProductEntry({ scene: 'p=p7&s=XYZ789' })).toEqual({ id: 'p7', s: 'XYZ789', c: 'poster' });
  });

  it('drops a malformed share code and an unknown channel but keeps the product', () => {
    expect(parseProductEntry({ id: 'p1', s: 'not-a-code', c: 'spam' })).toEqual({ id: 'p1' });
  });

  it('is null without a valid product id', () => {
    expect(parseProductEntry({})).toBeNull();
    expect(parseProductEntry({ id: '../../etc' })).toBeNull();
    expect(parseProductEntry({ scene: 's=XYZ789' })).toBeNull();
  });

  it('does not read the Moments marker scene=1154 as a poster', () => {
    expect(parseProductEntry({ id: 'p1', scene: '1154' })).toEqual({ id: 'p1' });
  });
});

describe('isMomentsSinglePage', () => {
  it('is on for launch scene 1154 or the h5 query marker, off otherwise', () => {
    expect(isMomentsSinglePage(1154)).toBe(true);
    expect(isMomentsSinglePage(0, '1154')).toBe(true);
    expect(isMomentsSinglePage(1007)).toBe(false);
    expect(isMomentsSinglePage(1007, 'p=p1&s=ABC234')).toBe(false);
    expect(isMomentsSinglePage(undefined)).toBe(false);
  });
});

describe('shareCardTitle', () => {
  it('is the product title when there is no note', () => {
    expect(shareCardTitle('云南古树红茶 200g')).toBe('云南古树红茶 200g');
    expect(shareCardTitle('云南古树红茶 200g', '  ')).toBe('云南古树红茶 200g');
  });

  it('quotes the sharer’s note before the title', () => {
    expect(shareCardTitle('云南古树红茶 200g', '我家常备')).toBe('「我家常备」云南古树红茶 200g');
  });

  it('says 已下架 first for a product off sale, without the note', () => {
    expect(shareCardTitle('云南古树红茶 200g', '我家常备', true)).toBe('【已下架】云南古树红茶 200g');
    expect(Array.from(shareCardTitle('长'.repeat(60), undefined, true))).toHaveLength(40);
  });

  it('puts a multi-line note on one line', () => {
    expect(shareCardTitle('红茶', '好喝\n不贵')).toBe('「好喝 不贵」红茶');
  });

  it('cuts a long note so the product still shows, and the whole title at 40 characters', () => {
    const note = '这款茶我连续回购了三年，每天早上一杯，回甘特别明显，送长辈也很体面';
    expect(shareCardTitle('云南古树红茶 200g', note)).toBe(
      '「这款茶我连续回购了三年，每天早上一杯，…」云南古树红茶 200g',
    );
    const long = shareCardTitle('超长标题'.repeat(20), '好');
    expect(Array.from(long)).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never splits an emoji when cutting', () => {
    const title = shareCardTitle('茶', '😀'.repeat(30));
    expect(title).toBe(`「${'😀'.repeat(19)}…」茶`);
  });
});
