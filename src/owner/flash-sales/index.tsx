// 秒杀活动 (the owner's): every flash sale, newest first, with its product, window, status and per SKU the flash price
// and the units sold of those set aside; 新建秒杀; 停止 (after a confirmation): the sale ends now and its unsold units
// go back to the SKUs' normal stock.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { campaignOwnerApi } from '../../api/campaign-owner';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import { PAGES } from '../../routes';
import type { OwnerFlashSale } from '../../../cloudfunctions/contracts/campaign';
import NotOwner from '../shared/NotOwner';
import { CAMPAIGN_STATUS_LABEL, campaignWindow, canStop, skuSold } from '../shared/campaign-text';
import { useStopOnList, type StopSpec } from '../shared/useStopOnList';
import './index.scss';

export const OWNER_FLASH_SALES_PAGE_SIZE = 20;

const STOP: StopSpec<OwnerFlashSale> = {
  ask: (f) => ({
    title: '停止秒杀',
    content: `停止后「${f.title}」立即结束，且不能恢复；未售出的秒杀库存退回商品的正常库存。`,
    confirmText: '停止秒杀',
  }),
  stop: async (f) => {
    const res = await campaignOwnerApi.stopFlashSale({ id: f.id });
    return res.ok ? { ok: true, data: { ...f, ...res.data.flashSale } } : res;
  },
  done: { title: '已停止，未售出的已退回库存', icon: 'none' },
};

export default function OwnerFlashSalesPage() {
  const list = usePagedList(
    (page) => campaignOwnerApi.ownerFlashSales({ ...page, limit: OWNER_FLASH_SALES_PAGE_SIZE }),
    'all',
  );
  usePagedListScroll(list, '.campaigns__list');
  useRefreshOnReturn(list.refresh);
  const create = () => void Taro.navigateTo({ url: PAGES.ownerFlashSale });
  const { stop, stopping, shown } = useStopOnList(STOP);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="campaigns">
      <View className="campaigns__head">
        <Text className="campaigns__intro">秒杀数量从库存中留出，结束或停止时未售出的退回</Text>
        <View className="campaigns__new" onClick={create}>
          新建秒杀
        </View>
      </View>
      <PagedList
        list={{ ...list, items: shown(list.items) }}
        block="campaigns"
        empty={{ message: '还没有秒杀活动', actionText: '新建秒杀', onAction: create }}
        renderItem={(f) => (
          <View className="campaigns__card">
            <View className="campaigns__top">
              <Text className="campaigns__title">{f.title}</Text>
              <Text className={`campaigns__status campaigns__status--${f.status}`}>
                {CAMPAIGN_STATUS_LABEL[f.status]}
              </Text>
            </View>
            <Text className="campaigns__meta">{campaignWindow(f)}</Text>
            <Text className="campaigns__meta">{`已售 ${f.sold} 件 · 每人限购 ${f.perMember} 件`}</Text>
            <View className="campaigns__skus">
              {f.skus.map((s) => (
                <View key={s.skuId} className="campaigns__sku" aria-label={s.spec}>
                  <Text className="campaigns__sku-spec">{s.spec}</Text>
                  <Text className="campaigns__sku-price">{formatFen(s.priceFen)}</Text>
                  <Text className="campaigns__sku-original">{formatFen(s.originalFen)}</Text>
                  <Text className="campaigns__sku-sold">{`已售 ${skuSold(s)}/${s.stock}`}</Text>
                </View>
              ))}
            </View>
            {canStop(f.status) ? (
              <View className="campaigns__actions">
                <View className="campaigns__action" aria-disabled={stopping !== null} onClick={() => void stop(f)}>
                  {stopping === f.id ? '停止中…' : '停止'}
                </View>
              </View>
            ) : null}
          </View>
        )}
      />
    </View>
  );
}
