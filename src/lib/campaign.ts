// How group buying (拼团) and flash sales (秒杀) read to the buyer: the price tags of a line, a group's state, the
// group card's title and the h5 link to a group.
import type { GroupStatus } from '../../cloudfunctions/contracts/campaign';
import type { OrderLine } from '../../cloudfunctions/contracts/order';
import { routes } from '../routes';
import { formatFen } from './money';

/** The tag beside a line priced by an activity. */
export const CAMPAIGN_PRICE_TAGS: Record<NonNullable<OrderLine['campaign']>, string> = {
  flash_sale: '秒杀价',
  group_buy: '拼团价',
};

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团未成功',
};

/** '还差 1 人' */
export const slotsLeftText = (slotsLeft: number): string => `还差 ${slotsLeft} 人`;

const CARD_TITLE_MAX = 40;

/** The group card's title: '还差 1 人，¥9.90 拼 云南古树红茶', cut to what a chat card shows. */
export function groupShareTitle(slotsLeft: number, groupPriceFen: number, title: string): string {
  const text = `${slotsLeftText(slotsLeft)}，${formatFen(groupPriceFen)} 拼 ${title}`;
  const chars = Array.from(text);
  return chars.length <= CARD_TITLE_MAX ? text : `${chars.slice(0, CARD_TITLE_MAX - 1).join('')}…`;
}

/** The h5 link to copy: the group page under the hash router, as a chat card opens it. */
export const groupShareUrl = (origin: string, groupId: string): string => `${origin}/#${routes.campaignGroup(groupId)}`;
