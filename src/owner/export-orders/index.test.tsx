import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { reportApi } from '../../api/report';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import ExportOrdersPage from './index';
import { chinaDay, rangeProblem } from './range';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/report', () => ({ reportApi: { exportOrders: jest.fn() } }));

const Taro = mockedTaro() as ReturnType<typeof mockedTaro> & Record<string, jest.Mock>;
const exportOrders = reportApi.exportOrders as jest.MockedFunction<typeof reportApi.exportOrders>;
const FILE = { fileID: 'cloud://env.b/exports/orders.csv', url: 'https://tmp.example/orders.csv', rows: 5000 };

/** Picks a value in one of the pickers, in page order: start date, end date, status. */
function pick(index: number, value: string | number) {
  const picker = Array.from(document.querySelectorAll('taro-picker-core'))[index];
  act(() => void fireEvent(picker, new CustomEvent('change', { detail: { value } })));
}

beforeEach(() => {
  resetTaroMock();
  Taro.downloadFile = jest.fn().mockResolvedValue({ tempFilePath: 'wxfile://tmp/orders.csv' });
  Taro.openDocument = jest.fn().mockResolvedValue({});
  Taro.shareFileMessage = jest.fn().mockResolvedValue({});
  exportOrders.mockReset().mockResolvedValue({ ok: true, data: FILE });
});

describe('导出订单', () => {
  it('exports the last 7 China days by default, then offers the file to send, open, or copy', async () => {
    render(<ExportOrdersPage />);
    const today = chinaDay(Date.now());
    const weekAgo = chinaDay(Date.now(), -6);
    expect(screen.getByText(weekAgo)).toBeTruthy();
    expect(screen.getByText(today)).toBeTruthy();
    fireEvent.click(screen.getByText('导出'));
    expect(await screen.findByText('已导出 5000 行')).toBeTruthy();
    expect(exportOrders).toHaveBeenCalledWith({ from: weekAgo, to: today });

    fireEvent.click(screen.getByText('打开文件'));
    await waitFor(() =>
      expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/orders.csv', showMenu: true }),
    );
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: FILE.url });
    fireEvent.click(screen.getByText('发送到聊天'));
    await waitFor(() =>
      expect(Taro.shareFileMessage).toHaveBeenCalledWith({
        filePath: 'wxfile://tmp/orders.csv',
        fileName: `订单-${weekAgo}至${today}.csv`,
      }),
    );
    fireEvent.click(screen.getByText('复制下载链接'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: FILE.url });
  });

  it('sends the chosen range and status; an empty range says the file has only the header', async () => {
    exportOrders.mockResolvedValue({ ok: true, data: { ...FILE, rows: 0 } });
    render(<ExportOrdersPage />);
    pick(0, '2026-11-01');
    pick(1, '2026-11-30');
    pick(2, 3);
    expect(screen.getByText('待发货')).toBeTruthy();
    fireEvent.click(screen.getByText('导出'));
    expect(await screen.findByText('这段时间没有订单，文件只有表头')).toBeTruthy();
    expect(exportOrders).toHaveBeenCalledWith({ from: '2026-11-01', to: '2026-11-30', status: 'paid' });
  });

  it('a start after the end is said on the page and never sent', () => {
    render(<ExportOrdersPage />);
    pick(0, '2099-01-02');
    expect(screen.getByText('开始日期不能晚于结束日期')).toBeTruthy();
    fireEvent.click(screen.getByText('导出'));
    expect(exportOrders).not.toHaveBeenCalled();
  });

  it('a refusal shows its message; a file that cannot be opened says to copy the link', async () => {
    exportOrders.mockResolvedValueOnce({
      ok: false,
      error: { code: 'report.range_invalid', message: '日期范围有误（开始不晚于结束，最长 366 天）' },
    });
    render(<ExportOrdersPage />);
    fireEvent.click(screen.getByText('导出'));
    expect(await screen.findByText('日期范围有误（开始不晚于结束，最长 366 天）')).toBeTruthy();
    Taro.openDocument.mockRejectedValueOnce(new Error('fail file type not supported'));
    fireEvent.click(screen.getByText('导出'));
    fireEvent.click(await screen.findByText('打开文件'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '无法直接打开，请发送到聊天或复制链接下载', icon: 'none' }),
    );
  });
});

test('the range rule: at most 366 days, the start not after the end', () => {
  expect(rangeProblem('2024-01-01', '2024-12-31')).toBeNull();
  expect(rangeProblem('2023-12-31', '2024-12-31')).toBe('最长导出 366 天');
  expect(rangeProblem('2024-01-02', '2024-01-01')).toBe('开始日期不能晚于结束日期');
  // 2026-11-30T16:00Z is already December 1 in China.
  expect(chinaDay(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
});
