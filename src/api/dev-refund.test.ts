import { simulateWechatRefund } from './dev-refund';

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  Object.assign(globalThis, { fetch: fetchMock });
  process.env.TARO_ENV = 'h5';
});
afterAll(() => {
  delete process.env.TARO_ENV;
});

const answer = (status: number, body: object) => ({ ok: status < 300, status, json: async () => body });

describe('simulateWechatRefund (h5, local emulator)', () => {
  it('posts the refund number to /__dev/refund as JSON', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { outRefundNo: 'R1', answers: [] }));
    expect(await simulateWechatRefund('R1')).toEqual({ ok: true, data: null });
    expect(fetchMock).toHaveBeenCalledWith(
      '/__dev/refund',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ outRefundNo: 'R1' }) }),
    );
    expect(fetchMock.mock.calls[0][1].headers).toEqual({ 'content-type': 'application/json' });
  });

  it('treats a refund already completed as done, and anything else as a failure', async () => {
    fetchMock.mockResolvedValueOnce(answer(400, { code: 'REFUND_ALREADY_DONE', message: 'done' }));
    expect(await simulateWechatRefund('R1')).toEqual({ ok: true, data: null });
    fetchMock.mockResolvedValueOnce(
      answer(400, { code: 'REFUND_NOT_FOUND', message: 'no refund with outRefundNo R9' }),
    );
    expect(await simulateWechatRefund('R9')).toMatchObject({ ok: false, error: { code: 'refund.failed' } });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await simulateWechatRefund('R1')).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('does nothing outside the h5 build', async () => {
    process.env.TARO_ENV = 'weapp';
    expect(await simulateWechatRefund('R1')).toMatchObject({ ok: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
