import { MEMBER_UPLOAD_FOLDERS } from '../contracts/limits';
import { isOwnPhoto, isShopImage, publicPhotos, type PhotoOwner } from './photos';

const ENV = 'prod-7g8h9';
const BUCKET = '7072-prod-7g8h9-1300000000';
const ME = 'oX1aB2-cD3_eF4gH5iJ6kL7mN8pQ';
const BOB = 'oY9zX8-wV7_uT6sR5qP4oN3mL2kJ';
const me: PhotoOwner = { env: ENV, openid: ME, folder: MEMBER_UPLOAD_FOLDERS.review };
const id = (path: string, env = ENV, bucket = BUCKET) => `cloud://${env}.${bucket}/${path}`;

test("a member's own upload in this env is theirs", () => {
  expect(isOwnPhoto(id(`reviews/${ME}/mfz0k2-0a1b2c3d.jpg`), me)).toBe(true);
  expect(isOwnPhoto(id(`reviews/${ME}/x.png`), me)).toBe(true);
  // The emulator's env and bucket, and its dev openids.
  expect(
    isOwnPhoto(id('reviews/dev_alice/1.png', 'youjian-local', 'youjian-local-emulator'), {
      env: 'youjian-local',
      openid: 'dev_alice',
      folder: 'reviews',
    }),
  ).toBe(true);
});

test.each([
  ['another member’s upload', id(`reviews/${BOB}/a.jpg`)],
  ['the shop’s product image', id('products/honey/1.jpg')],
  ['the shop’s logo', id('shop/logo.png')],
  ['a file of the same name at the top of the folder', id('reviews/a.jpg')],
  ['the folder itself', id(`reviews/${ME}`)],
  ['the folder with a trailing slash', id(`reviews/${ME}/`)],
  ['a deeper path', id(`reviews/${ME}/sub/a.jpg`)],
  ['a climb out of my folder', id(`reviews/${ME}/../${BOB}/x.png`)],
  ['a climb that comes back', id(`reviews/${BOB}/../${ME}/x.png`)],
  ['a dot segment', id(`reviews/${ME}/./x.png`)],
  ['a dot-dot name', id(`reviews/${ME}/..`)],
  ['a hidden name', id(`reviews/${ME}/.x.png`)],
  ['a prefix trick on the openid', id(`reviews/${ME}x/a.jpg`)],
  ['a prefix of the openid', id(`reviews/${ME.slice(0, -1)}/a.jpg`)],
  ['a prefix trick on the folder', id(`reviewsx/${ME}/a.jpg`)],
  ['the folder under another', id(`products/reviews/${ME}/a.jpg`)],
  ['a url-encoded slash', id(`reviews%2F${ME}%2Fa.jpg`)],
  ['a url-encoded slash in the name', id(`reviews/${ME}/..%2F${BOB}%2Fa.jpg`)],
  ['a url-encoded dot-dot', id(`reviews/${ME}/%2e%2e`)],
  ['a backslash', id(`reviews/${ME}/..\\${BOB}\\a.jpg`)],
  ['a doubled slash', id(`reviews//${ME}/a.jpg`)],
  ['another env’s fileID', id(`reviews/${ME}/a.jpg`, 'prod-other', '7072-prod-other-1300000000')],
  ['an env that only starts like mine', id(`reviews/${ME}/a.jpg`, `${ENV}x`)],
  ['my env as a prefix of the bucket only', `cloud://x.${ENV}/reviews/${ME}/a.jpg`],
  ['no bucket', `cloud://${ENV}/reviews/${ME}/a.jpg`],
  ['not a fileID', `https://evil.example/reviews/${ME}/a.jpg`],
  ['a cloud:// with a query', id(`reviews/${ME}/a.jpg?x=/reviews/${ME}/b.jpg`)],
  ['a newline after my path', `${id(`reviews/${ME}/a.jpg`)}\n${id(`reviews/${BOB}/a.jpg`)}`],
  ['a 10 KB string', id(`reviews/${ME}/${'a'.repeat(10_000)}.jpg`)],
  ['10 KB of slashes', id(`reviews/${ME}/${'/'.repeat(10_000)}`)],
  ['regex characters in the path', id(`reviews/${ME}/.*`)],
  ['regex characters as the openid', id('reviews/.+/a.jpg')],
  ['an empty string', ''],
])('%s is not mine', (_what, fileID) => {
  expect(isOwnPhoto(fileID, me)).toBe(false);
});

test('a caller without an openid, env or folder owns nothing; odd openids own no folder', () => {
  const mine = id(`reviews/${ME}/a.jpg`);
  expect(isOwnPhoto(mine, { ...me, openid: '' })).toBe(false);
  expect(isOwnPhoto(mine, { ...me, env: '' })).toBe(false);
  expect(isOwnPhoto(mine, { ...me, folder: '' })).toBe(false);
  // An openid that would read as a pattern or a path matches nothing, not even a path spelt with it.
  for (const openid of ['.*', '..', 'a/b', `${ME}/..`, '']) {
    expect(isOwnPhoto(id(`reviews/${openid}/a.jpg`), { ...me, openid })).toBe(false);
  }
});

test('anything but a string is not a fileID', () => {
  for (const value of [null, undefined, 42, {}, [id(`reviews/${ME}/a.jpg`)], { toString: () => 'x' }]) {
    expect(isOwnPhoto(value, me)).toBe(false);
  }
});

describe('isShopImage: the shop’s own images (the Moments material’s pictures)', () => {
  const shop = { env: ENV, folder: 'products' };
  test.each([
    ['an owner’s upload', `products/${ME}/a.jpg`],
    ['a demo product’s image', 'products/qinling-honey/1.svg'],
  ])('%s is the shop’s', (_what, path) => {
    expect(isShopImage(id(path), shop)).toBe(true);
  });
  test.each([
    ['another env', `cloud://other-env.bucket/products/${ME}/a.jpg`],
    ['a member’s review photo', id(`reviews/${ME}/a.jpg`)],
    ['the logo folder', id(`shop/${ME}/a.jpg`)],
    ['a path that climbs out', id(`products/../reviews/${ME}/a.jpg`)],
    ['a deeper path', id(`products/${ME}/x/a.jpg`)],
    ['a pattern for a folder', id('products/.*/a.jpg')],
    ['a web address', 'https://example.com/products/a/b.jpg'],
    ['a 10 KB string', id(`products/${ME}/${'a'.repeat(10_240)}.jpg`)],
    ['not a string', 42],
  ])('%s is not', (_what, fileID) => {
    expect(isShopImage(fileID, shop)).toBe(false);
  });
});

test('publicPhotos: only photos content security passed; reviews from before the checks show all', () => {
  const check = (fileId: string, state: 'pending' | 'pass' | 'risky') => ({ fileId, state, attempts: 1 });
  expect(publicPhotos({ photos: ['a', 'b'] })).toEqual(['a', 'b']);
  expect(
    publicPhotos({
      photos: ['a', 'b', 'c'],
      photoChecks: [check('a', 'pass'), check('b', 'pending'), check('c', 'risky')],
    }),
  ).toEqual(['a']);
});
