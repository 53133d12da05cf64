// Conformance: storage's per-call limit and per-file answers, through the real wx-server-sdk.
// Sources: WeChat reference Cloud.getTempFileURL (一次最多取 50 个); node-sdk test/storage/getDownloadUrls.test.ts
// (获取超出文件数限制50的下载链接, 文件不存在) and test/storage/deleteFile.test.ts (删除超出文件数限制50).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sdkFor, startEmulator, TEST_ENV as ENV, type RunningEmulator } from './harness';

let dir: string;
let emu: RunningEmulator;
let cloud: any;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yj-storage-limits-'));
  emu = await startEmulator({ data: path.join(dir, 'data') });
  cloud = sdkFor(emu);
});

afterAll(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

const ids = (n: number, prefix: string) =>
  Array.from({ length: n }, (_v, i) => `cloud://${ENV}.${ENV}-emulator/${prefix}/${i}.png`);

describe('at most 50 files a call', () => {
  test('getTempFileURL with 51 files is refused as a whole with INVALID_PARAM', async () => {
    // wx-server-sdk rethrows a refused storage call as errCode -1, keeping the service's code.
    await expect(cloud.getTempFileURL({ fileList: ids(51, 'many') })).rejects.toMatchObject({
      errCode: -1,
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/at most 50/),
    });
  });

  test('deleteFile with 51 files is refused as a whole and deletes nothing', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'keep/me.txt', fileContent: Buffer.from('kept') });
    await expect(cloud.deleteFile({ fileList: [fileID, ...ids(50, 'gone')] })).rejects.toMatchObject({
      errCode: -1,
      code: 'INVALID_PARAM',
    });
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('kept');
  });

  test('50 files are answered one by one', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'fifty/real.txt', fileContent: Buffer.from('x') });
    const list = [fileID, ...ids(49, 'fifty')];
    const urls = await cloud.getTempFileURL({ fileList: list });
    expect(urls.fileList).toHaveLength(50);
    expect(urls.fileList[0]).toMatchObject({ fileID, status: 0 });
    const deleted = await cloud.deleteFile({ fileList: list });
    expect(deleted.fileList.map((f: { status: number }) => f.status)).toEqual([0, ...Array(49).fill(-503003)]);
  });
});

describe('a fileID that names no file is answered per file with STORAGE_FILE_NONEXIST', () => {
  const foreign = [
    `cloud://${ENV}.tcbenv-mPIgjhnq/1535367916760.jpg`, // the node-sdk test's own: this env, another bucket
    `cloud://other-env.other-env-bucket/a.png`,
    'cloud://unexistJpg.jpg',
    'testFileId',
    ...ids(1, 'never-uploaded'),
  ];

  test('getTempFileURL', async () => {
    const { fileList } = await cloud.getTempFileURL({ fileList: foreign });
    expect(fileList).toEqual(
      foreign.map((fileID) => expect.objectContaining({ fileID, status: -503003, tempFileURL: '' })),
    );
  });

  test('deleteFile', async () => {
    const { fileList } = await cloud.deleteFile({ fileList: foreign });
    expect(fileList).toEqual(foreign.map((fileID) => ({ fileID, status: -503003, errMsg: 'storage file not exists' })));
  });
});
