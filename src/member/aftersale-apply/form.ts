// The after-sale form's rules, as the order function checks them: at least one unit, an amount of at most the quote's
// maximum (the function computes it; the form only bounds what is typed by it), a reason, words within the limit.
import { AFTER_SALE_DESCRIPTION_MAX } from '../../../cloudfunctions/contracts/limits';
import { formatFen, parseYuanToFen } from '../../lib/money';

export interface ApplicationDraft {
  /** Units asked for, by SKU. */
  qty: Record<string, number>;
  amount: string;
  /** The quote of exactly these units (null while it is asked for). */
  maxFen: number | null;
  reason: string;
  words: string;
  uploading: boolean;
}

/** Why the form cannot be sent yet, or the lines and the amount in fen it sends. */
export function checkApplication(
  d: ApplicationDraft,
): { error: string } | { lines: Array<{ skuId: string; qty: number }>; refundFen: number } {
  if (d.uploading) return { error: '图片上传中，请稍候' };
  const lines = Object.entries(d.qty)
    .filter(([, qty]) => qty > 0)
    .map(([skuId, qty]) => ({ skuId, qty }));
  if (lines.length === 0) return { error: '请选择要售后的商品' };
  if (d.maxFen === null) return { error: '正在计算可退金额，请稍候' };
  const fen = parseYuanToFen(d.amount);
  if (fen === null) return { error: '请输入正确的金额，最多两位小数' };
  if (fen <= 0) return { error: '退款金额需大于 0' };
  if (fen > d.maxFen) return { error: `退款金额不能超过 ${formatFen(d.maxFen)}` };
  if (!d.reason) return { error: '请选择售后原因' };
  if (d.words.trim().length > AFTER_SALE_DESCRIPTION_MAX)
    return { error: `问题描述最多 ${AFTER_SALE_DESCRIPTION_MAX} 个字` };
  return { lines, refundFen: fen };
}
