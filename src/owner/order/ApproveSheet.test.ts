import { checkRefundAmount } from './ApproveSheet';

describe('checkRefundAmount', () => {
  it('takes yuan with up to two decimals as fen, up to the full refund', () => {
    expect(checkRefundAmount('307.80', 30780)).toEqual({ refundFen: 30780 });
    expect(checkRefundAmount(' 100.5 ', 30780)).toEqual({ refundFen: 10050 });
    expect(checkRefundAmount('0.01', 30780)).toEqual({ refundFen: 1 });
    expect(checkRefundAmount('¥10', 30780)).toEqual({ refundFen: 1000 });
  });

  it('refuses nothing, zero, more than was paid, and what is not an amount', () => {
    expect(checkRefundAmount('0', 30780)).toEqual({ error: '退款金额需大于 0' });
    expect(checkRefundAmount('0.00', 30780)).toEqual({ error: '退款金额需大于 0' });
    expect(checkRefundAmount('307.81', 30780)).toEqual({ error: '退款金额不能超过实付 ¥307.80' });
    for (const text of ['', '-1', '1.005', 'abc', '10元'])
      expect(checkRefundAmount(text, 30780)).toEqual({ error: '请输入正确的金额，最多两位小数' });
  });
});
