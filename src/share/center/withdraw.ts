// The 申请提现 amount as typed, checked before it is sent: a plain yuan amount with at most two decimals, at least
// ¥1, within what can be withdrawn now. The server checks again; this only saves a round trip and says why.
import { MAX_WITHDRAWAL_FEN, MIN_WITHDRAWAL_FEN } from '../../../cloudfunctions/contracts/limits';
import { formatFen, parseYuanToFen } from '../../lib/money';

export { MAX_WITHDRAWAL_FEN, MIN_WITHDRAWAL_FEN };

export type WithdrawalCheck = { ok: true; amountFen: number } | { ok: false; message: string };

export function checkWithdrawal(text: string, availableFen: number): WithdrawalCheck {
  if (!text.trim()) return { ok: false, message: '请输入提现金额' };
  const amountFen = parseYuanToFen(text);
  if (amountFen === null) return { ok: false, message: '请输入正确的金额，最多两位小数' };
  if (amountFen < MIN_WITHDRAWAL_FEN) return { ok: false, message: `单次至少提现 ${formatFen(MIN_WITHDRAWAL_FEN)}` };
  if (amountFen > availableFen) return { ok: false, message: `最多可提现 ${formatFen(availableFen)}` };
  if (amountFen > MAX_WITHDRAWAL_FEN) return { ok: false, message: `单次最多提现 ${formatFen(MAX_WITHDRAWAL_FEN)}` };
  return { ok: true, amountFen };
}

/** Whether 申请提现 can open at all: nothing under review, and at least the minimum available. */
export function canWithdraw(availableFen: number, hasOpenWithdrawal: boolean): boolean {
  return !hasOpenWithdrawal && availableFen >= MIN_WITHDRAWAL_FEN;
}
