import Taro from '@tarojs/taro';
import { cloudPathFor, uploadFile } from './storage';
import { MEMBER_UPLOAD_FOLDERS } from '../../cloudfunctions/contracts/limits';
import { isOwnPhoto } from '../../cloudfunctions/core/photos';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { uploadFile: jest.fn() } } }));
const cloudUpload = (Taro as unknown as { cloud: { uploadFile: jest.Mock } }).cloud.uploadFile;

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  cloudUpload.mockReset();
  Object.assign(globalThis, { fetch: fetchMock });
});
afterAll(() => {
  delete process.env.TARO_ENV;
});

describe('cloudPathFor', () => {
  it('makes a fresh name under the folder, keeping an image extension', () => {
    expect(cloudPathFor('reviews', 'blob:http://x/abc', 1_700_000_000_000, 0.5)).toMatch(
      /^reviews\/[0-9a-z]+-[0-9a-z]{8}\.jpg$/,
    );
    expect(cloudPathFor('reviews', 'wxfile://tmp/a.PNG')).toMatch(/\.png$/);
    expect(cloudPathFor('reviews', 'http://tmp/a.webp?x=1')).toMatch(/\.webp$/);
    expect(cloudPathFor('reviews', 'a', 1, 0.1)).not.toBe(cloudPathFor('reviews', 'a', 1, 0.2));
  });

  it("a member's photo goes under their own folder, where the functions accept it as theirs", () => {
    const owner = { env: 'prod-1a', openid: 'oX1aB2-cD3_eF4gH5iJ6kL7mN8pQ', folder: MEMBER_UPLOAD_FOLDERS.review };
    for (const picked of ['blob:http://x/abc', 'wxfile://tmp/a.PNG', 'http://tmp/a.webp?x=1']) {
      const path = cloudPathFor(`${owner.folder}/${owner.openid}`, picked, Date.now(), Math.random());
      expect(path).toMatch(/^reviews\/oX1aB2-cD3_eF4gH5iJ6kL7mN8pQ\/[0-9a-z]+-[0-9a-z]{8}\.(jpg|png|webp)$/);
      expect(isOwnPhoto(`cloud://prod-1a.7072-prod-1a-1300000000/${path}`, owner)).toBe(true);
      expect(isOwnPhoto(`cloud://prod-1a.7072-prod-1a-1300000000/${path}`, { ...owner, openid: 'dev_bob' })).toBe(
        false,
      );
    }
  });
});

describe('uploadFile', () => {
  it('h5: sends the picked blob to the emulator and answers its fileID', async () => {
    process.env.TARO_ENV = 'h5';
    const blob = new Blob(['png bytes'], { type: 'image/png' });
    fetchMock.mockResolvedValueOnce({ blob: async () => blob });
    fetchMock.mockResolvedValueOnce({ ok: true, json: async () => ({ fileID: 'cloud://e.b/reviews/a.png' }) });
    expect(await uploadFile('reviews/a.jpg', 'blob:http://127.0.0.1/1')).toEqual({
      ok: true,
      data: { fileID: 'cloud://e.b/reviews/a.png' },
    });
    // The blob's type names the file (a blob: URL has no extension).
    expect(fetchMock.mock.calls[1][0]).toBe('/api/storage/upload?cloudPath=reviews%2Fa.png');
    expect(fetchMock.mock.calls[1][1]).toMatchObject({
      method: 'POST',
      body: blob,
      headers: { 'content-type': 'image/png' },
    });
  });

  it('h5: a refused or failed upload is upload.failed', async () => {
    process.env.TARO_ENV = 'h5';
    fetchMock.mockResolvedValueOnce({ blob: async () => new Blob(['x']) });
    fetchMock.mockResolvedValueOnce({ ok: false, json: async () => ({ code: 'STORAGE_EXCEED_AUTHORITY' }) });
    expect(await uploadFile('reviews/a.jpg', 'blob:1')).toMatchObject({ ok: false, error: { code: 'upload.failed' } });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await uploadFile('reviews/a.jpg', 'blob:1')).toMatchObject({ ok: false, error: { code: 'upload.failed' } });
  });

  it('weapp: uses Taro.cloud.uploadFile', async () => {
    process.env.TARO_ENV = 'weapp';
    cloudUpload.mockResolvedValueOnce({ fileID: 'cloud://env.b/reviews/b.jpg', statusCode: 204 });
    expect(await uploadFile('reviews/b.jpg', 'wxfile://tmp/b.jpg')).toEqual({
      ok: true,
      data: { fileID: 'cloud://env.b/reviews/b.jpg' },
    });
    expect(cloudUpload).toHaveBeenCalledWith({ cloudPath: 'reviews/b.jpg', filePath: 'wxfile://tmp/b.jpg' });
    cloudUpload.mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail' });
    expect(await uploadFile('reviews/b.jpg', 'wxfile://tmp/b.jpg')).toMatchObject({
      ok: false,
      error: { code: 'upload.failed' },
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
