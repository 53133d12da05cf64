import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { reportApi } from '../../api/report';
import { uploadFile } from '../../api/storage';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import ImportShipmentsPage from './index';
import { pickCsv } from './pick-csv';
import { previewOf } from './preview';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/report', () => ({ reportApi: { importShipments: jest.fn() } }));
jest.mock('../../api/storage', () => ({ uploadFile: jest.fn() }));
jest.mock('../../stores/session', () => ({
  ownUploadFolder: jest.fn((folder: string) => Promise.resolve({ ok: true, data: `${folder}/dev_owner` })),
}));
jest.mock('./pick-csv', () => ({ pickCsv: jest.fn() }));

const Taro = mockedTaro();
const importShipments = reportApi.importShipments as jest.MockedFunction<typeof reportApi.importShipments>;
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const pick = pickCsv as jest.MockedFunction<typeof pickCsv>;

const TEXT =
  '\uFEFF订单号,快递公司,运单号\r\nYJ0000000000000A01,顺丰速运,SF123456\r\nYJ0000000000000B02,ZTO,ZT1\r\nbad line\r\n';
const FILE = { path: 'wxfile://tmp/ship.csv', name: 'ship.csv', size: TEXT.length, text: TEXT };
const FILE_ID = 'cloud://env.b/imports/dev_owner/x.csv';

beforeEach(() => {
  resetTaroMock();
  pick.mockReset().mockResolvedValue(FILE);
  upload.mockReset().mockResolvedValue({ ok: true, data: { fileID: FILE_ID } });
  importShipments.mockReset().mockResolvedValue({
    ok: true,
    data: {
      shipped: 1,
      refused: 2,
      results: [
        { line: 2, orderId: 'YJ0000000000000A01', outcome: 'shipped' },
        { line: 3, orderId: 'YJ0000000000000B02', outcome: 'input.invalid', message: '输入有误' },
        { line: 4, outcome: 'import.row_invalid', message: '这一行格式有误，应为：订单号,快递公司,运单号' },
      ],
    },
  });
});

describe('批量发货', () => {
  it('previews the file, asks first, uploads to the owner’s imports folder, shows each row', async () => {
    render(<ImportShipmentsPage />);
    fireEvent.click(screen.getByText('从聊天中选择 CSV 文件'));
    expect(await screen.findByText('ship.csv · 共 3 行')).toBeTruthy();
    expect(screen.getByText('YJ0000000000000A01')).toBeTruthy();
    expect(screen.getByText('顺丰速运')).toBeTruthy();
    fireEvent.click(screen.getByText('确认发货'));

    expect(await screen.findByText('已发货 1 单，未发货 2 行')).toBeTruthy();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '将按文件中的 3 行逐一发货，发货后无法撤回。' }),
    );
    expect(upload).toHaveBeenCalledWith(
      expect.stringMatching(/^imports\/dev_owner\/[a-z0-9]+-[a-z0-9]+\.csv$/),
      FILE.path,
    );
    expect(importShipments).toHaveBeenCalledWith({ fileID: FILE_ID });
    expect(screen.getByText('第 2 行')).toBeTruthy();
    expect(screen.getByText('已发货')).toBeTruthy();
    expect(screen.getByText('输入有误')).toBeTruthy();
    expect(screen.getByText('这一行格式有误，应为：订单号,快递公司,运单号')).toBeTruthy();
  });

  it('cancelled at the confirmation: nothing is uploaded or shipped', async () => {
    taroPage.confirm = false;
    render(<ImportShipmentsPage />);
    fireEvent.click(screen.getByText('从聊天中选择 CSV 文件'));
    fireEvent.click(await screen.findByText('确认发货'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(upload).not.toHaveBeenCalled();
    expect(importShipments).not.toHaveBeenCalled();
  });

  it('a file over 1 MB is refused on the page, before any upload', async () => {
    pick.mockResolvedValue({ ...FILE, size: 2 * 1024 * 1024 });
    render(<ImportShipmentsPage />);
    fireEvent.click(screen.getByText('从聊天中选择 CSV 文件'));
    expect(await screen.findByText('文件太大，请分批导入（每次不超过 1 MB、2000 行）')).toBeTruthy();
    fireEvent.click(screen.getByText('确认发货'));
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(upload).not.toHaveBeenCalled();
  });

  it('a refusal of the whole file and a failed upload show their messages', async () => {
    importShipments.mockResolvedValueOnce({
      ok: false,
      error: { code: 'import.file_invalid', message: '请选择店铺导入目录中的 CSV 文件' },
    });
    render(<ImportShipmentsPage />);
    fireEvent.click(screen.getByText('从聊天中选择 CSV 文件'));
    fireEvent.click(await screen.findByText('确认发货'));
    expect(await screen.findByText('请选择店铺导入目录中的 CSV 文件')).toBeTruthy();
    upload.mockResolvedValueOnce({ ok: false, error: { code: 'upload.failed', message: '图片上传失败，请重试' } });
    fireEvent.click(screen.getByText('确认发货'));
    expect(await screen.findByText('文件上传失败，请重试')).toBeTruthy();
    expect(importShipments).toHaveBeenCalledTimes(1);
  });
});

test('the preview leaves out the header and blank lines, and counts every row', () => {
  expect(previewOf(TEXT, 1)).toEqual({
    rows: [{ n: 1, orderId: 'YJ0000000000000A01', carrier: '顺丰速运', trackingNo: 'SF123456' }],
    total: 3,
  });
  expect(previewOf('YJ0000000000000A01,SF,"SF1"\n\n').rows[0].trackingNo).toBe('SF1');
});
