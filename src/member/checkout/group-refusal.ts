// What the checkout does when a group buy (拼团) or a flash sale (秒杀) refuses the order: a full group offers
// another open group of the same activity (read afresh) or a group of the buyer's own; an ended group offers a new
// one; a group the buyer is already in leads to it; the activity's limits are said, and the order priced again.
import Taro from '@tarojs/taro';
import { campaignApi } from '../../api/campaign';
import { slotsLeftText } from '../../lib/campaign';
import { routes } from '../../routes';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import type { GroupChoice } from './useCheckoutOrder';

/** A refusal of the group or of the activity: any `group.*` or `campaign.*` code. */
export const isCampaignRefusal = (code: ErrorCode): boolean =>
  code.startsWith('group.') || code.startsWith('campaign.');

export interface GroupRefusalContext {
  /** The group of this checkout, if it is a group order. */
  group: GroupChoice | null;
  productId: string;
  /** Goes on with another group (or a new one of the buyer's own): a new order, priced again. */
  switchGroup: (next: GroupChoice) => void;
  requote: () => void;
}

export async function explainCampaignRefusal(code: ErrorCode, message: string, ctx: GroupRefusalContext) {
  const { group } = ctx;
  if (code === 'campaign.busy') {
    void Taro.showToast({ title: message, icon: 'none' });
    return;
  }
  if (group && code === 'group.full') {
    await offerAnotherGroup(group, ctx);
    return;
  }
  if (group && (code === 'group.closed' || code === 'group.not_found')) {
    const { confirm } = await Taro.showModal({
      title: '无法参团',
      content: `${message}，可以自己开团，邀请好友一起拼`,
      confirmText: '自己开团',
      cancelText: '返回',
    });
    if (confirm) ctx.switchGroup({ groupBuyId: group.groupBuyId });
    else void Taro.navigateBack();
    return;
  }
  if (group?.groupId && (code === 'group.joined' || code === 'group.own')) {
    const { confirm } = await Taro.showModal({
      title: '无法参团',
      content: message,
      confirmText: '查看拼团',
      cancelText: '返回',
    });
    if (confirm) void Taro.redirectTo({ url: routes.campaignGroup(group.groupId) });
    else void Taro.navigateBack();
    return;
  }
  // The activity's own limits (not live, sold out, the per-member limit…): said, and the order priced again.
  await Taro.showModal({ title: '无法下单', content: message, showCancel: false, confirmText: '知道了' });
  ctx.requote();
}

/** The group filled up meanwhile: another open group of the activity, or one of the buyer's own. */
async function offerAnotherGroup(full: GroupChoice, ctx: GroupRefusalContext) {
  const res = await campaignApi.groupBuy({ productId: ctx.productId });
  const live = res.ok ? res.data.live : null;
  if (res.ok && (!live || live.groupBuy.id !== full.groupBuyId)) {
    await Taro.showModal({
      title: '拼团已结束',
      content: '这个拼团活动已结束，可以返回商品页单独购买',
      showCancel: false,
      confirmText: '知道了',
    });
    void Taro.navigateBack();
    return;
  }
  const now = Date.now();
  const other = live?.openGroups.find(
    (g) => g.id !== full.groupId && g.slotsLeft > 0 && !g.mine && Date.parse(g.endsAt) > now,
  );
  if (other) {
    const leader = other.members.find((m) => m.leader)?.nickname ?? '另一位好友';
    const { confirm } = await Taro.showModal({
      title: '这个团已满员',
      content: `${leader} 的团${slotsLeftText(other.slotsLeft)}，可以参加这个团，或自己开团`,
      confirmText: '参加这个团',
      cancelText: '自己开团',
    });
    ctx.switchGroup(confirm ? { groupBuyId: full.groupBuyId, groupId: other.id } : { groupBuyId: full.groupBuyId });
    return;
  }
  const { confirm } = await Taro.showModal({
    title: '这个团已满员',
    content: '暂时没有其他可参加的团，可以自己开团，邀请好友一起拼',
    confirmText: '自己开团',
    cancelText: '再想想',
  });
  if (confirm) ctx.switchGroup({ groupBuyId: full.groupBuyId });
}
