import { extensionOf } from './save';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

describe('extensionOf: a downloaded picture’s file extension', () => {
  it('comes from its type, else from its address without the query, else png', () => {
    expect(extensionOf('image/jpeg', 'https://t/a.png')).toBe('jpg');
    expect(extensionOf('image/svg+xml', 'https://t/a')).toBe('svg');
    expect(extensionOf('', 'https://t/products/p/1.JPEG?imageMogr2/thumbnail/1080x1080>')).toBe('jpeg');
    expect(extensionOf('application/octet-stream', 'https://t/a.webp?sign=x.png')).toBe('webp');
    expect(extensionOf('', 'https://t/noext?x=1')).toBe('png');
  });
});
