import { isMomentsSinglePage, parseProductEntry, productShareQuery, productSharePath, productShareUrl } from './share';

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
    expect(productShareUrl('http://127.0.0.1:8080', 'p1', 'ABC234')).toBe('http://127.0.0.1:8080/#/pages/product/index?id=p1&s=ABC234&c=chat');
  });
});

describe('parseProductEntry', () => {
  it('reads id, s and c of a share link', () => {
    expect(parseProductEntry({ id: 'p1', s: 'ABC234', c: 'chat' })).toEqual({ id: 'p1', s: 'ABC234', c: 'chat' });
  });

  it('decodes a poster scene as it arrives from WeChat (URL-encoded)', () => {
    expect(parseProductEntry({ scene: encodeURIComponent('p=p7&s=XYZ789') })).toEqual({ id: 'p7', s: 'XYZ789', c: 'poster' });
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
