import { AppError } from '../contracts/errors';
import { IMPORT_ROWS_MAX } from '../contracts/limits';
import { decodeText, parseCsv } from './csv';
import { shipmentRows } from './shipments-file';

const A = 'YJ0000000000000A01';
const B = 'YJ0000000000000B02';
const rows = (text: string) => shipmentRows(parseCsv(text));

test('a header row is skipped; couriers by code (any case) or name; lines counted in the file', () => {
  expect(rows(`订单号,快递公司,运单号\n${A},sf,SF123456\n${B}, 中通快递 ,ZT998877,,\n`)).toEqual([
    { line: 2, orderId: A, courier: 'SF', trackingNo: 'SF123456' },
    { line: 3, orderId: B, courier: 'ZTO', trackingNo: 'ZT998877' },
  ]);
  expect(rows(`${A},SF,SF123456`)).toEqual([{ line: 1, orderId: A, courier: 'SF', trackingNo: 'SF123456' }]);
});

test('each bad row gets its own code; the rest are read', () => {
  const text = [`${A},SF`, `not-an-order,SF,SF123456`, `"${A},SF,SF123456`].join('\n');
  expect(rows(text)).toEqual([
    { line: 1, refused: 'import.row_invalid' },
    { line: 2, refused: 'import.row_invalid' },
    { line: 3, refused: 'import.row_invalid' },
  ]);
  expect(rows(`${A},顺风,SF123456\n${B},SF,12\n${B},SF,SF123456\n${A},SF,SF999999,extra`)).toEqual([
    { line: 1, orderId: A, refused: 'input.invalid' },
    { line: 2, orderId: B, refused: 'input.invalid' },
    { line: 3, orderId: B, refused: 'import.row_duplicate' },
    { line: 4, refused: 'import.row_invalid' },
  ]);
});

test('the same order twice: the first row counts, the second is a duplicate', () => {
  expect(rows(`${A},SF,SF123456\n${A.toLowerCase()},ZTO,ZT123456`).map((r) => r)).toEqual([
    { line: 1, orderId: A, courier: 'SF', trackingNo: 'SF123456' },
    { line: 2, orderId: A, refused: 'import.row_duplicate' },
  ]);
});

test('more rows than the limit refuse the file whole; the limit itself passes', () => {
  const line = (i: number) => `YJ${String(i).padStart(16, '0')},SF,SF123456`;
  const at = Array.from({ length: IMPORT_ROWS_MAX }, (_, i) => line(i));
  expect(rows(`orderId,carrier,trackingNo\n${at.join('\n')}`)).toHaveLength(IMPORT_ROWS_MAX);
  expect(() => rows([...at, line(IMPORT_ROWS_MAX)].join('\n'))).toThrow(AppError);
  try {
    rows([...at, line(IMPORT_ROWS_MAX)].join('\n'));
  } catch (error) {
    expect((error as AppError).code).toBe('import.too_large');
  }
});

test('UTF-8 (its BOM dropped) and the GB18030 Excel saves are read; binary is not text', () => {
  expect(decodeText(Buffer.from('\uFEFF顺丰速运', 'utf8'))).toBe('顺丰速运');
  // 顺丰 in GB18030 (GBK).
  expect(decodeText(Uint8Array.from([0xcb, 0xb3, 0xb7, 0xe1]))).toBe('顺丰');
  expect(decodeText(Uint8Array.from([0xff, 0xfe, 0xff, 0xff, 0x81]))).toBeNull();
});
