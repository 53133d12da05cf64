// Storage through the real wx-server-sdk against the emulator: upload, temp URL, download, delete.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { fileIdFor, thumbnailOf } from './storage';
import {
  devSession,
  guardLoopback,
  sdkFor,
  startEmulator,
  TEST_ENV as ENV,
  type RunningEmulator,
} from '../tests/emulator/harness';

interface FileStatus {
  fileID: string;
  status: number;
  errMsg: string;
  tempFileURL?: string;
}
interface Cloud {
  init(config: { env: string }): void;
  uploadFile(p: {
    cloudPath: string;
    fileContent: Buffer | NodeJS.ReadableStream;
  }): Promise<{ fileID: string; errMsg: string }>;
  downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer; errMsg: string }>;
  getTempFileURL(p: {
    fileList: Array<string | { fileID: string; maxAge: number }>;
  }): Promise<{ fileList: FileStatus[] }>;
  deleteFile(p: { fileList: string[] }): Promise<{ fileList: FileStatus[] }>;
}

let dir: string;
let emu: RunningEmulator;
let origin: string;
let cloud: Cloud;

beforeAll(async () => {
  guardLoopback();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yj-storage-'));
  emu = await startEmulator({ data: path.join(dir, 'data') });
  origin = emu.origin;
  cloud = sdkFor(emu) as Cloud;
});

afterAll(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

test('an uploaded file downloads byte-identical, through downloadFile and through its temp URL', async () => {
  const content = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);

  const uploaded = await cloud.uploadFile({ cloudPath: 'posters/商品 1.png', fileContent: content });
  expect(uploaded.fileID).toBe(`cloud://${ENV}.${ENV}-emulator/posters/商品 1.png`);
  expect(uploaded.errMsg).toBe('uploadFile:ok');

  const downloaded = await cloud.downloadFile({ fileID: uploaded.fileID });
  expect(Buffer.compare(downloaded.fileContent, content)).toBe(0);

  const { fileList } = await cloud.getTempFileURL({ fileList: [uploaded.fileID] });
  expect(fileList).toEqual([
    expect.objectContaining({
      fileID: uploaded.fileID,
      status: 0,
      errMsg: 'ok',
      tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    }),
  ]);
  const response = await fetch(encodeURI(fileList[0].tempFileURL as string));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), content)).toBe(0);
});

test('a stream uploads too, and a second upload to the same path replaces the file', async () => {
  const source = path.join(dir, 'source.txt');
  await writeFile(source, 'first version');
  const { fileID } = await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: createReadStream(source) });
  expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('first version');

  await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: Buffer.from('second') });
  expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('second');
});

test('delete reports the file deleted; then temp URL, download and a second delete say it does not exist', async () => {
  const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/delete-me.bin', fileContent: Buffer.from('bye') });
  const other = fileIdFor(ENV, 'tmp/never-uploaded.bin');

  const deleted = await cloud.deleteFile({ fileList: [fileID, other] });
  expect(deleted.fileList).toEqual([
    { fileID, status: 0, errMsg: 'ok' },
    { fileID: other, status: -503003, errMsg: 'storage file not exists' },
  ]);

  const urls = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
  expect(urls.fileList).toEqual([expect.objectContaining({ fileID, status: -503003, tempFileURL: '' })]);
  await expect(cloud.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  expect((await cloud.deleteFile({ fileList: [fileID] })).fileList[0].status).toBe(-503003);
});

test.each(['../escape.txt', '/etc/passwd', 'a/../../b.txt', 'a//b.txt', 'a/./b.txt', 'dir/', 'a\\..\\b', 'a?b=1', ''])(
  'cloudPath %j is refused before anything is written',
  async (cloudPath) => {
    await expect(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toMatchObject({
      errCode: -1,
      message: expect.stringMatching(/cloudPath/),
    });
    expect(await listFiles(dir)).not.toContain('escape.txt');
  },
);

test('the bucket refuses a PUT without the upload token and a GET that climbs out of the folder', async () => {
  const put = await fetch(`${origin}/__storage/${ENV}/sneaky.txt`, { method: 'PUT', body: 'x' });
  expect(put.status).toBe(403);
  expect(await put.text()).toContain('<Code>AccessDenied</Code>');

  await writeFile(path.join(dir, 'data', 'secret.txt'), 'top secret');
  for (const probe of [
    `/__storage/${ENV}/..%2F..%2Fsecret.txt`,
    `/__storage/..%2Fsecret.txt`,
    `/__storage/${ENV}/a%2F..%2F..%2F..%2Fsecret.txt`,
  ]) {
    const response = await fetch(origin + probe);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('top secret');
  }
  // Dot segments (even percent-encoded) are resolved by the URL parser before storage sees the path.
  const normalized = await fetch(`${origin}/__storage/${ENV}/%2e%2e/%2e%2e/secret.txt`);
  expect(await normalized.text()).not.toContain('top secret');
});

// node-sdk test/storage/getDownloadUrls.test.ts 文件不存在: a fileID of another bucket is STORAGE_FILE_NONEXIST.
test('a fileID of another env or bucket, or a malformed one, is answered per file as not found', async () => {
  const { fileList } = await cloud.getTempFileURL({
    fileList: [`cloud://other-env.${ENV}-emulator/posters/商品 1.png`, 'https://example.com/a.png'],
  });
  expect(fileList.map((f) => f.status)).toEqual([-503003, -503003]);
});

test(
  'image processing on a temp URL: a list thumbnail is the fitted size and far lighter; ' +
    'other files are served as they are',
  async () => {
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c0392b' } })
      .composite([
        {
          input: await sharp({ create: { width: 400, height: 400, channels: 3, background: '#2c3e50' } })
            .png()
            .toBuffer(),
          left: 300,
          top: 200,
        },
      ])
      .jpeg({ quality: 92 })
      .toBuffer();
    const { fileID } = await cloud.uploadFile({ cloudPath: 'products/big.jpg', fileContent: photo });
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    const url = fileList[0].tempFileURL as string;

    const fetchImage = async (suffix: string) => {
      const response = await fetch(`${url}${suffix}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const body = Buffer.from(await response.arrayBuffer());
      return { body, meta: await sharp(body).metadata() };
    };
    const original = await fetchImage('');
    expect(original.body.equals(photo)).toBe(true);
    const cover = await fetchImage('?imageMogr2/thumbnail/!360x360r');
    expect([cover.meta.width, cover.meta.height]).toEqual([480, 360]);
    expect(cover.body.length * 5).toBeLessThan(photo.length);
    const fitted = await fetchImage('?imageMogr2/thumbnail/200x200');
    expect([fitted.meta.width, fitted.meta.height]).toEqual([200, 150]);
    const byWidth = await fetchImage('?imageMogr2/thumbnail/640x');
    expect([byWidth.meta.width, byWidth.meta.height]).toEqual([640, 480]);
    const shrunk = await fetchImage('?imageMogr2/thumbnail/1080x1080>');
    expect([shrunk.meta.width, shrunk.meta.height]).toEqual([1080, 810]);
    // `>` never enlarges: a photo already within the box comes back at its own size.
    const small = await fetchImage(`?imageMogr2/thumbnail/${encodeURIComponent('2000x2000>')}`);
    expect([small.meta.width, small.meta.height]).toEqual([1600, 1200]);
    expect((await fetchImage('?imageMogr2/thumbnail/2000x2000')).meta.width).toBe(2000);

    const { fileID: textId } = await cloud.uploadFile({
      cloudPath: 'notes/plain.txt',
      fileContent: Buffer.from('not an image'),
    });
    const textUrl = (await cloud.getTempFileURL({ fileList: [textId] })).fileList[0].tempFileURL as string;
    expect(await (await fetch(`${textUrl}?imageMogr2/thumbnail/!360x360r`)).text()).toBe('not an image');
  },
);

test('only the thumbnail forms it understands are applied', () => {
  expect(thumbnailOf('?imageMogr2/thumbnail/!360x360r')).toEqual({ width: 360, height: 360, fit: 'outside' });
  expect(thumbnailOf('?sign=x&t=1&imageMogr2/thumbnail/300x200')).toEqual({ width: 300, height: 200, fit: 'inside' });
  expect(thumbnailOf('?imageMogr2/thumbnail/640x')).toEqual({ width: 640, fit: 'inside' });
  expect(thumbnailOf('?imageMogr2/thumbnail/1080x1080>')).toEqual({
    width: 1080,
    height: 1080,
    fit: 'inside',
    shrinkOnly: true,
  });
  expect(thumbnailOf('?imageMogr2/thumbnail/1080x1080%3E')).toEqual({
    width: 1080,
    height: 1080,
    fit: 'inside',
    shrinkOnly: true,
  });
  for (const unknown of [
    '',
    '?imageMogr2/thumbnail/!50p',
    '?imageMogr2/thumbnail/0x0',
    '?imageMogr2/thumbnail/99999x1',
    '?imageMogr2/thumbnail/!360x360',
    '?imageMogr2/thumbnail/!360x360r>',
  ]) {
    expect(thumbnailOf(unknown)).toBeNull();
  }
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map((entry) => path.basename(entry));
}

describe("the h5 build's wx.cloud.uploadFile (POST /api/storage/upload)", () => {
  const upload = async (cloudPath: string, body: Buffer, token?: string) => {
    const res = await fetch(`${origin}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(body),
    });
    return { status: res.status, json: (await res.json()) as { fileID?: string; code?: string } };
  };

  test('a signed-in user uploads a photo the functions can then read, byte-identical', async () => {
    const token = await devSession(emu, 'bob');
    const content = randomBytes(50_000);
    const res = await upload('reviews/dev_bob/1.jpg', content, token);
    expect(res).toEqual({ status: 200, json: { fileID: `cloud://${ENV}.${ENV}-emulator/reviews/dev_bob/1.jpg` } });
    const downloaded = await cloud.downloadFile({ fileID: res.json.fileID as string });
    expect(Buffer.compare(downloaded.fileContent, content)).toBe(0);
  });

  test('refused without a session, over an existing file, to a bad path, or empty; nothing is written', async () => {
    const token = await devSession(emu, 'eve');
    expect((await upload('reviews/dev_eve/anon.jpg', randomBytes(10))).status).toBe(401);
    await cloud.uploadFile({ cloudPath: 'reviews/dev_eve/theirs.jpg', fileContent: Buffer.from('original') });
    expect(await upload('reviews/dev_eve/theirs.jpg', Buffer.from('mine now'), token)).toMatchObject({
      status: 400,
      json: { code: 'STORAGE_EXCEED_AUTHORITY' },
    });
    const theirs = fileIdFor(ENV, 'reviews/dev_eve/theirs.jpg');
    expect((await cloud.downloadFile({ fileID: theirs })).fileContent.toString()).toBe('original');
    expect((await upload('../escape.jpg', randomBytes(10), token)).status).toBe(400);
    expect((await upload('reviews/dev_eve/empty.jpg', Buffer.alloc(0), token)).status).toBe(400);
    const { fileList } = await cloud.getTempFileURL({
      fileList: [fileIdFor(ENV, 'reviews/dev_eve/anon.jpg'), fileIdFor(ENV, 'reviews/dev_eve/empty.jpg')],
    });
    expect(fileList.every((f) => f.status !== 0)).toBe(true);
  });

  // The shop's config (scripts/emulator-config.ts) names `reviews` a user folder, as its storage rule does.
  test("in a user folder, only the uploader's own openid folder takes a client upload", async () => {
    const token = await devSession(emu, 'mallory');
    const refusedPaths = [
      'reviews/dev_bob/forged.jpg',
      'reviews/forged.jpg',
      'reviews/dev_mallory',
      'reviews/dev_malloryx/forged.jpg',
      'reviews/dev_mallor/forged.jpg',
      'reviews/dev_mallory/../dev_bob/forged.jpg',
      'reviews/dev_mallory%2F..%2Fdev_bob/forged.jpg',
    ];
    for (const cloudPath of refusedPaths) {
      expect([cloudPath, (await upload(cloudPath, randomBytes(10), token)).status]).toEqual([cloudPath, 400]);
    }
    const { fileList } = await cloud.getTempFileURL({ fileList: refusedPaths.map((p) => fileIdFor(ENV, p)) });
    expect(fileList.map((f) => f.status === 0)).toEqual(refusedPaths.map(() => false));
    expect(await upload('reviews/dev_bob/forged.jpg', randomBytes(10), token)).toMatchObject({
      json: { code: 'STORAGE_EXCEED_AUTHORITY' },
    });
    // Their own folder, deeper paths in it, and folders that are no user folder take it.
    for (const cloudPath of ['reviews/dev_mallory/a.jpg', 'reviews/dev_mallory/x/b.jpg', 'notes/c.jpg']) {
      expect((await upload(cloudPath, randomBytes(10), token)).json.fileID).toBe(fileIdFor(ENV, cloudPath));
    }
  });
});
