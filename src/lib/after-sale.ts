// How an after-sale case reads: the time its current step has left, in words, and who wrote each step of its
// history. Only the subpackage pages (member/, owner/) import it.
import type { AfterSale, AfterSaleHistoryEntry } from '../../cloudfunctions/contracts/order';
import { msUntil } from './time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A time left, rounded down: '1 天 23 小时', '9 天', '5 小时 20 分钟', '12 分钟' (at least '1 分钟'). */
export function formatTimeLeft(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return minutes > 0 ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
  return `${Math.max(1, minutes)} 分钟`;
}

type DeadlineAction = NonNullable<AfterSale['deadlineAction']>;

/** Per viewer and step: the words with the time left, and the words once it has run out (the scheduler is due). */
const WORDS: Record<'buyer' | 'owner', Record<DeadlineAction, [(left: string) => string, string]>> = {
  buyer: {
    auto_approve: [(left) => `商家 ${left}内处理，逾期自动同意`, '商家处理已超时，即将自动同意'],
    close: [(left) => `请在 ${left}内寄回，逾期申请关闭`, '寄回已超时，申请即将关闭'],
    auto_receive: [(left) => `商家 ${left}内确认收货，逾期自动确认`, '商家确认收货已超时，即将自动确认'],
  },
  owner: {
    auto_approve: [(left) => `请在 ${left}内处理，逾期自动同意`, '处理已超时，即将自动同意'],
    close: [(left) => `买家需在 ${left}内寄回，逾期申请关闭`, '买家寄回已超时，申请即将关闭'],
    auto_receive: [(left) => `请在 ${left}内确认收货，逾期自动确认`, '确认收货已超时，即将自动确认'],
  },
};

/** The case's deadline in words for `viewer`, or null when its current step has none. */
export function deadlineWords(
  afterSale: Pick<AfterSale, 'deadline' | 'deadlineAction'>,
  viewer: 'buyer' | 'owner',
  now: number = Date.now(),
): string | null {
  const { deadline, deadlineAction } = afterSale;
  if (!deadline || !deadlineAction) return null;
  const [during, over] = WORDS[viewer][deadlineAction];
  const left = msUntil(deadline, now);
  return left > 0 ? during(formatTimeLeft(left)) : over;
}

export const HISTORY_BY: Record<AfterSaleHistoryEntry['by'], string> = {
  buyer: '买家',
  owner: '商家',
  system: '系统',
};
