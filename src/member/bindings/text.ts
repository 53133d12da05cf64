// 绑定记录 in words: each binding's days (in China time, the phone's own) and how it ended.
import type { BindingEnd, BindingHistoryItem, ShareChannel } from '../../../cloudfunctions/contracts/commission';
import { dayjs } from '../../lib/time';

export const ENDED_LABEL: Record<BindingEnd, string> = {
  released: '已解除',
  expired: '已到期',
  muted: '已屏蔽',
};

// A subpackage cannot import share/'s labels (another subpackage), so the three words are said here too.
const CHANNEL_LABEL: Record<ShareChannel, string> = { chat: '聊天分享', moments: '朋友圈', poster: '海报' };

const day = (iso: string) => dayjs(iso).format('YYYY年M月D日');

/** '2026年11月2日 – 2026年11月20日' once ended; '2026年11月2日起，至 2026年11月17日' while active. */
export function bindingSpan(item: Pick<BindingHistoryItem, 'since' | 'until' | 'ended'>): string {
  return item.ended ? `${day(item.since)} – ${day(item.until)}` : `${day(item.since)}起，至 ${day(item.until)}`;
}

/** '推荐中' while active, else how it ended. */
export function bindingState(item: Pick<BindingHistoryItem, 'ended'>): string {
  return item.ended ? ENDED_LABEL[item.ended] : '推荐中';
}

export function channelText(channel: ShareChannel): string {
  return `来自${CHANNEL_LABEL[channel]}`;
}
