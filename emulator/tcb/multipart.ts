import { TcbFail } from './protocol';

/**
 * Parses a multipart/form-data body into its fields, keeping binary parts as Buffers.
 * node-sdk sends wx.openApi and wx.wxPayApi this way (utils/request-core.js, the `form-data` package): a Buffer
 * becomes a part with `Content-Type: application/octet-stream`, a string a part without one. The WHATWG
 * `Response.formData()` decodes parts without a filename as UTF-8 text, which would corrupt the protobuf.
 */
export function parseMultipartForm(body: Buffer, contentTypeHeader: string): Record<string, string | Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentTypeHeader);
  if (!match) throw new TcbFail('INVALID_PARAM', 'multipart/form-data without a boundary');
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const fields: Record<string, string | Buffer> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break; // the closing delimiter
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), partStart);
    if (next === -1) throw new TcbFail('INVALID_PARAM', 'truncated multipart/form-data body');
    const part = body.subarray(partStart + 2, next); // skip the CRLF after the delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw new TcbFail('INVALID_PARAM', 'multipart part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) {
      const binary = /^content-type:/im.test(headers) || /;\s*filename=/i.test(headers);
      fields[name] = binary ? Buffer.from(content) : content.toString('utf8');
    }
    start = next + 2;
  }
  return fields;
}
