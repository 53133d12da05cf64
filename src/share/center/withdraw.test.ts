import * as contract from '../../../cloudfunctions/contracts/commission';
import { canWithdraw, checkWithdrawal, MAX_WITHDRAWAL_FEN, MIN_WITHDRAWAL_FEN } from './withdraw';

describe('checkWithdrawal', () => {
  it('agrees with the contract’s limits', () => {
    expect(MIN_WITHDRAWAL_FEN).toBe(contract.MIN_WITHDRAWAL_FEN);
    expect(MAX_WITHDRAWAL_FEN).toBe(contract.MAX_WITHDRAWAL_FEN);
  });

  it('turns a valid amount into fen', () => {
    expect(checkWithdrawal('1', 5000)).toEqual({ ok: true, amountFen: 100 });
    expect(checkWithdrawal('12.34', 5000)).toEqual({ ok: true, amountFen: 1234 });
    expect(checkWithdrawal('50', 5000)).toEqual({ ok: true, amountFen: 5000 });
  });

  it('asks for an amount when the field is empty', () => {
    expect(checkWithdrawal('  ', 5000)).toEqual({ ok: false, message: '请输入提现金额' });
  });

  it('refuses more than two decimals and anything that is not an amount', () => {
    expect(checkWithdrawal('1.234', 5000)).toEqual({ ok: false, message: '请输入正确的金额，最多两位小数' });
    expect(checkWithdrawal('-5', 5000)).toEqual({ ok: false, message: '请输入正确的金额，最多两位小数' });
    expect(checkWithdrawal('abc', 5000)).toEqual({ ok: false, message: '请输入正确的金额，最多两位小数' });
  });

  it('refuses less than ¥1', () => {
    expect(checkWithdrawal('0.99', 5000)).toEqual({ ok: false, message: '单次至少提现 ¥1.00' });
  });

  it('refuses more than is available', () => {
    expect(checkWithdrawal('50.01', 5000)).toEqual({ ok: false, message: '最多可提现 ¥50.00' });
  });

  it('refuses more than one withdrawal may ask for, even when available', () => {
    expect(checkWithdrawal('20000.01', 10_000_000)).toEqual({ ok: false, message: '单次最多提现 ¥20,000.00' });
    expect(checkWithdrawal('20000', 10_000_000)).toEqual({ ok: true, amountFen: 2_000_000 });
  });
});

describe('canWithdraw', () => {
  it('needs ¥1 available and nothing under review', () => {
    expect(canWithdraw(100, false)).toBe(true);
    expect(canWithdraw(99, false)).toBe(false);
    expect(canWithdraw(5000, true)).toBe(false);
  });
});
