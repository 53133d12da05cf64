// 拼团活动 (the owner's): every group buy, newest first, with its product, group size, group prices, window, status,
// units sold of its cap and its groups by state; 新建拼团; a tap opens its groups; 停止 (after a confirmation): no new
// groups or joins, the groups forming run to their end (full: formed; else refunded in full automatically).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { campaignOwnerApi } from '../../api/campaign-owner';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { PAGES, routes } from '../../routes';
import type { OwnerGroupBuy } from '../../../cloudfunctions/contracts/campaign';
import CampaignCount from '../shared/CampaignCount';
import NotOwner from '../shared/NotOwner';
import { CAMPAIGN_STATUS_LABEL, campaignWindow, canStop, priceRange } from '../shared/campaign-text';
import { useStopOnList, type StopSpec } from '../shared/useStopOnList';
import './index.scss';

export const OWNER_GROUP_BUYS_PAGE_SIZE = 20;

const STOP: StopSpec<OwnerGroupBuy> = {
  ask: (g) => ({
    title: '停止拼团',
    content:
      `停止后「${g.title}」不能再开团或参团，且不能恢复；正在拼的 ${g.groups.forming} 个团进行到时限结束：` +
      '凑齐即成团，未凑齐的自动全额退款。',
    confirmText: '停止拼团',
  }),
  stop: async (g) => {
    const res = await campaignOwnerApi.stopGroupBuy({ id: g.id });
    return res.ok ? { ok: true, data: { ...g, ...res.data.groupBuy } } : res;
  },
  done: { title: '已停止', icon: 'success' },
};

export default function OwnerGroupBuysPage() {
  const list = usePagedList(
    (page) => campaignOwnerApi.ownerGroupBuys({ ...page, limit: OWNER_GROUP_BUYS_PAGE_SIZE }),
    'all',
  );
  usePagedListScroll(list, '.campaigns__list');
  useRefreshOnReturn(list.refresh);
  const create = () => void Taro.navigateTo({ url: PAGES.ownerGroupBuy });
  const openGroups = (g: OwnerGroupBuy) => void Taro.navigateTo({ url: routes.ownerGroups({ groupBuyId: g.id }) });
  const { stop, stopping, shown } = useStopOnList(STOP);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="campaigns">
      <View className="campaigns__head">
        <Text className="campaigns__intro">拼团价对所有会员相同；到时未成团的自动全额退款</Text>
        <View className="campaigns__new" onClick={create}>
          新建拼团
        </View>
      </View>
      <PagedList
        list={{ ...list, items: shown(list.items) }}
        block="campaigns"
        empty={{ message: '还没有拼团活动', actionText: '新建拼团', onAction: create }}
        renderItem={(g) => (
          <View className="campaigns__card">
            <View className="campaigns__body" onClick={() => openGroups(g)}>
              <View className="campaigns__top">
                <Text className="campaigns__title">{g.title}</Text>
                <Text className={`campaigns__status campaigns__status--${g.status}`}>
                  {CAMPAIGN_STATUS_LABEL[g.status]}
                </Text>
              </View>
              <Text className="campaigns__price">
                {`${g.size}人团 · 拼团价 ${priceRange(g.skus.map((s) => s.groupPriceFen))}`}
              </Text>
              <Text className="campaigns__meta">{campaignWindow(g)}</Text>
              <Text className="campaigns__meta">{`成团时限 ${g.hours} 小时 · 每人限购 ${g.perMember} 件`}</Text>
              <View className="campaigns__counts">
                <CampaignCount label="已售/库存" value={`${g.sold}/${g.stockCap}`} />
                <CampaignCount label="已成团" value={g.groups.succeeded} />
                <CampaignCount label="拼团中" value={g.groups.forming} />
                <CampaignCount label="未成团" value={g.groups.failed} />
              </View>
            </View>
            <View className="campaigns__actions">
              <View className="campaigns__action" onClick={() => openGroups(g)}>
                查看团
              </View>
              {canStop(g.status) ? (
                <View className="campaigns__action" aria-disabled={stopping !== null} onClick={() => void stop(g)}>
                  {stopping === g.id ? '停止中…' : '停止'}
                </View>
              ) : null}
            </View>
          </View>
        )}
      />
    </View>
  );
}
