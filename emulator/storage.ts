// Cloud storage on a local folder: the four calls wx-server-sdk makes (uploadFile, getTempFileURL,
// downloadFile, deleteFile) and the HTTP endpoint that stands in for the COS bucket.
// Wire shapes follow node_modules/@cloudbase/node-sdk/dist/storage/index.js and the wrappers in
// node_modules/wx-server-sdk/index.js (src/api/cloud/provider/tcb/api/{uploadFile,getTempFileURL,deleteFile}.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { json, TcbFail, type TcbAction, type TcbCall } from './tcb/protocol';

const ROUTE = '/__storage/';
/** node-sdk asks for 600 s in downloadFile; production's own default is not documented, so we pick a day. */
const DEFAULT_MAX_AGE = 86400;
/** CloudBase naming rules: a key is at most 850 bytes (docs "文件名命名限制"). */
const MAX_PATH_BYTES = 850;
/** The env id format node-sdk accepts (utils/utils.js `isValidEnvFormat`); it also makes a safe folder name. */
const ENV_PATTERN = /^[a-z0-9_-]{1,40}$/;
/**
 * getTempFileURL and deleteFile take at most 50 files a call (WeChat reference Cloud.getTempFileURL: 一次最多取 50
 * 个); past that the service refuses the whole call with INVALID_PARAM (node-sdk test/storage/getDownloadUrls.test.ts
 * 获取超出文件数限制50的下载链接, test/storage/deleteFile.test.ts 删除超出文件数限制50). The SDK itself does not check.
 */
const MAX_FILES_PER_CALL = 50;

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
};

/** The bucket part of a fileID; production derives it from the env and appid, we only need it stable. */
export const bucketFor = (env: string): string => `${env}-emulator`;

export const fileIdFor = (env: string, cloudPath: string): string => `cloud://${env}.${bucketFor(env)}/${cloudPath}`;

/**
 * Checks a cloudPath against CloudBase's naming rules (not empty, no leading '/', no '//', ≤ 850 bytes)
 * and refuses what would escape the folder or break a URL ('.', '..', '\', '?', '#', control characters).
 */
export function checkCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TcbFail('INVALID_PARAM', 'cloudPath must be a non-empty string');
  }
  const refuse = (why: string): never => {
    throw new TcbFail('INVALID_PARAM', `invalid cloudPath ${JSON.stringify(value)}: ${why}`);
  };
  if (Buffer.byteLength(value) > MAX_PATH_BYTES) refuse(`longer than ${MAX_PATH_BYTES} bytes`);
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value)) refuse('must be relative (no leading "/" or drive letter)');
  if (value.includes('\\')) refuse('must not contain "\\"');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) refuse('must not contain control characters');
  if (/[?#]/.test(value)) refuse('must not contain "?" or "#" (they break download URLs)');
  for (const segment of value.split('/')) {
    if (segment === '') refuse('must not contain "//" or end with "/"');
    if (segment === '.' || segment === '..') refuse('must not contain "." or ".." segments');
  }
  return value;
}

/** `cloud://<env>.<bucket>/<cloudPath>` → its parts, or null when it is not one of ours. */
export function parseFileId(fileId: string): { env: string; cloudPath: string } | null {
  const match = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!match || !ENV_PATTERN.test(match[1]) || match[2] !== bucketFor(match[1])) return null;
  try {
    return { env: match[1], cloudPath: checkCloudPath(match[3]) };
  } catch {
    return null;
  }
}

interface PendingUpload {
  env: string;
  cloudPath: string;
}

/** One entry of `download_list` / `delete_list`: wx-server-sdk reads fileID, code, tempFileURL, maxAge. */
interface FileResult {
  fileID: string;
  code: string;
  message?: string;
  tempFileURL?: string;
  maxAge?: number;
}

export function createStorage(opts: { dir: string; origin: () => string; userFolders?: readonly string[] }) {
  const root = path.resolve(opts.dir);
  const userFolders = opts.userFolders ?? [];
  // Upload tokens handed out by getUploadMetadata; each allows one PUT of one cloudPath.
  const pendingUploads = new Map<string, PendingUpload>();

  const envOf = (call: TcbCall): string => {
    if (!ENV_PATTERN.test(call.env)) throw new TcbFail('INVALID_PARAM', `invalid env ${JSON.stringify(call.env)}`);
    return call.env;
  };

  /** The file on disk; resolved and re-checked so that nothing outside `dir/<env>/` is ever touched. */
  const diskPath = (env: string, cloudPath: string): string => {
    const envRoot = path.join(root, env);
    const file = path.resolve(envRoot, ...cloudPath.split('/'));
    if (!file.startsWith(envRoot + path.sep))
      throw new TcbFail('INVALID_PARAM', `cloudPath escapes the bucket: ${cloudPath}`);
    return file;
  };

  const isFile = async (file: string): Promise<boolean> => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };

  // Not percent-encoded on purpose: node-sdk downloadFile applies encodeURI() to tempFileURL itself.
  const urlFor = (env: string, cloudPath: string): string => `${opts.origin()}${ROUTE}${env}/${cloudPath}`;

  const fileIdsOf = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      throw new TcbFail('INVALID_PARAM', `${key} must be an array of fileIDs`);
    }
    return atMostFifty(value, key) as string[];
  };

  const atMostFifty = (list: unknown[], key: string): unknown[] => {
    if (list.length > MAX_FILES_PER_CALL) {
      throw new TcbFail('INVALID_PARAM', `${key} holds ${list.length} files; at most ${MAX_FILES_PER_CALL} per call`);
    }
    return list;
  };

  // Any fileID that names no stored file, including one of another bucket or not shaped like a fileID at all, is
  // answered per file as missing: node-sdk test/storage/getDownloadUrls.test.ts 文件不存在 expects
  // STORAGE_FILE_NONEXIST for `cloud://<env>.<another bucket>/…`.
  const nonexistent = (fileID: string): FileResult => ({
    fileID,
    code: 'STORAGE_FILE_NONEXIST',
    message: 'storage file not exists',
  });

  const actions: Record<string, TcbAction> = {
    /**
     * node-sdk getUploadMetadata sends `{ path, method: 'put' }` and reads `data.{url, token, authorization, fileId,
     * cosFileId}`.
     */
    'storage.getUploadMetadata': (call) => {
      const env = envOf(call);
      const cloudPath = checkCloudPath(call.params.path);
      const token = randomBytes(16).toString('hex');
      pendingUploads.set(token, { env, cloudPath });
      return json({
        requestId: call.requestId,
        data: {
          url: urlFor(env, cloudPath),
          token,
          authorization: `emulator ${token}`,
          fileId: fileIdFor(env, cloudPath),
          cosFileId: token,
          download_url: urlFor(env, cloudPath),
        },
      });
    },

    /**
     * node-sdk getTempFileURL sends `file_list: [{ fileid, max_age?, url_type? }]` and returns `data.download_list`.
     */
    'storage.batchGetDownloadUrl': async (call) => {
      const list = call.params.file_list;
      if (!Array.isArray(list)) throw new TcbFail('INVALID_PARAM', 'file_list must be an array');
      const downloadList: FileResult[] = [];
      for (const item of atMostFifty(list, 'file_list') as Array<{ fileid?: unknown; max_age?: unknown }>) {
        const fileID = typeof item?.fileid === 'string' ? item.fileid : '';
        const maxAge = typeof item?.max_age === 'number' && item.max_age > 0 ? item.max_age : DEFAULT_MAX_AGE;
        const parsed = parseFileId(fileID);
        if (!parsed || !(await isFile(diskPath(parsed.env, parsed.cloudPath)))) {
          downloadList.push({ ...nonexistent(fileID), tempFileURL: '', maxAge });
        } else {
          downloadList.push({ fileID, code: 'SUCCESS', tempFileURL: urlFor(parsed.env, parsed.cloudPath), maxAge });
        }
      }
      return json({ requestId: call.requestId, data: { download_list: downloadList } });
    },

    /** node-sdk deleteFile sends `fileid_list: string[]` and returns `data.delete_list`. */
    'storage.batchDeleteFile': async (call) => {
      const deleteList: FileResult[] = [];
      for (const fileID of fileIdsOf(call.params.fileid_list, 'fileid_list')) {
        const parsed = parseFileId(fileID);
        const file = parsed && diskPath(parsed.env, parsed.cloudPath);
        if (!file || !(await isFile(file))) {
          deleteList.push(nonexistent(fileID));
          continue;
        }
        await unlink(file);
        deleteList.push({ fileID, code: 'SUCCESS' });
      }
      return json({ requestId: call.requestId, data: { delete_list: deleteList } });
    },
  };

  /**
   * A signed-in user's upload, as `wx.cloud.uploadFile` makes it from the mini program (the h5 build sends it to
   * the gateway). Like CloudBase's default rule for client writes (仅创建者可写), an existing file is never
   * overwritten from a client. Returns the fileID.
   */
  async function clientUpload(env: string, cloudPath: string, bytes: Buffer, openid: string): Promise<string> {
    const file = diskPath(env, checkCloudPath(cloudPath));
    // As a storage rule comparing the path with auth.openid answers: a user folder takes only `<folder>/<openid>/…`.
    const [folder, owner, ...rest] = cloudPath.split('/');
    if (userFolders.includes(folder) && (owner !== openid || rest.length === 0)) {
      throw new TcbFail('STORAGE_EXCEED_AUTHORITY', `only ${folder}/<your openid>/… is yours to write: ${cloudPath}`);
    }
    if (await isFile(file))
      throw new TcbFail('STORAGE_EXCEED_AUTHORITY', `the file exists and is not yours: ${cloudPath}`);
    return put(env, cloudPath, bytes);
  }

  /** Writes a file directly, as an upload in the console would (used by seeds). Returns its fileID. */
  async function put(env: string, cloudPath: string, bytes: Buffer): Promise<string> {
    const file = diskPath(env, checkCloudPath(cloudPath));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return fileIdFor(env, cloudPath);
  }

  /** The bucket: PUT (with the token from getUploadMetadata), GET and HEAD under /__storage/<env>/<cloudPath>. */
  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(ROUTE)) return false;
    const target = targetOf(url.pathname.slice(ROUTE.length));
    if (!target) {
      req.resume();
      cosError(res, 400, 'InvalidURI', 'not a valid storage path');
      return true;
    }
    if (req.method === 'PUT') {
      await receiveUpload(req, res, target);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await sendFile(req, res, target, url.search);
    } else {
      req.resume();
      res.setHeader('Allow', 'GET, HEAD, PUT');
      cosError(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on storage`);
    }
    return true;
  }

  function targetOf(rest: string): PendingUpload | null {
    try {
      const [env, ...segments] = rest.split('/').map(decodeURIComponent);
      if (!ENV_PATTERN.test(env)) return null;
      return { env, cloudPath: checkCloudPath(segments.join('/')) };
    } catch {
      return null;
    }
  }

  async function receiveUpload(req: IncomingMessage, res: ServerResponse, target: PendingUpload): Promise<void> {
    // node-sdk uploadFile sends the token as `x-cos-security-token`.
    const token = req.headers['x-cos-security-token'];
    const pending = typeof token === 'string' ? pendingUploads.get(token) : undefined;
    if (!pending || pending.env !== target.env || pending.cloudPath !== target.cloudPath) {
      req.resume();
      cosError(res, 403, 'AccessDenied', 'missing or wrong upload token: call storage.getUploadMetadata first');
      return;
    }
    pendingUploads.delete(token as string);
    const file = diskPath(target.env, target.cloudPath);
    // Write beside the target and rename, so a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString('hex')}.uploading`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await pipeline(req, createWriteStream(partial));
      await rename(partial, file);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      cosError(res, 500, 'InternalError', `upload failed: ${(error as Error).message}`);
      return;
    }
    // COS answers a successful PUT with an empty body; node-sdk parses the body as XML and fails on <Error>.
    res.writeHead(200, { 'Content-Length': '0' });
    res.end();
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    target: PendingUpload,
    search: string,
  ): Promise<void> {
    const file = diskPath(target.env, target.cloudPath);
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const thumbnail = thumbnailOf(search);
    if (thumbnail && /^image\/(png|jpeg|webp|gif)$/.test(type)) {
      await sendThumbnail(req, res, file, type, thumbnail);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(size), 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A client that hangs up mid-download is not an error of ours.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  }

  return { actions, serve, put, clientUpload };
}

/**
 * The image processing CloudBase storage offers on download URLs (数据万象 imageMogr2, appended to the temporary
 * URL): `imageMogr2/thumbnail/<W>x<H>` fits the image within W×H (`<W>x<H>>` only ever shrinks it), `!<W>x<H>r`
 * covers at least W×H and `<W>x` sets the width; the ratio is always kept. Only these forms are understood; others
 * serve the original.
 */
type Thumbnail = { width: number; height?: number; fit: 'inside' | 'outside'; shrinkOnly?: true };

export function thumbnailOf(search: string): Thumbnail | null {
  const match = /(?:^\?|&)imageMogr2\/thumbnail\/(!?)(\d{1,4})x(\d{1,4})?(r?)(>?)(?:&|$)/.exec(
    decodeURIComponent(search),
  );
  if (!match) return null;
  const [, bang, w, h, r, shrink] = match;
  const width = Number(w);
  const height = h ? Number(h) : undefined;
  if (width < 1 || width > 9999 || (height !== undefined && (height < 1 || height > 9999))) return null;
  if (bang || r) return bang && r && height && !shrink ? { width, height, fit: 'outside' } : null;
  return {
    width,
    ...(height ? { height } : {}),
    fit: 'inside',
    ...(shrink && height ? { shrinkOnly: true as const } : {}),
  };
}

async function sendThumbnail(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  type: string,
  t: Thumbnail,
): Promise<void> {
  let body: Buffer;
  try {
    body = await sharp(file)
      .rotate()
      .resize({ width: t.width, height: t.height, fit: t.fit, withoutEnlargement: t.shrinkOnly ?? false })
      .toBuffer();
  } catch {
    cosError(res, 400, 'InvalidImage', 'the file is not an image this style can process');
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A COS-style XML error: node-sdk uploadFile destructures Code, Message, RequestId and TraceId from it. */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(8).toString('hex');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
    `<RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );
