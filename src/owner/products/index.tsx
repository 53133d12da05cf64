// 商品管理: every product of the shop, searched by title and filtered (全部 / 在售 / 已下架 / 已售罄), each with its
// price, stock and sale status; from here the owner opens the editor, creates a product, puts one on or off sale, or
// opens 商品分类.
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import { PAGES, routes } from '../../routes';
import { PRODUCT_TITLE_MAX } from '../../../cloudfunctions/contracts/limits';
import type { OwnerProductCard } from '../../../cloudfunctions/contracts/shop';
import { changeSaleStatus } from '../shared/change-sale-status';
import NotOwner from '../shared/NotOwner';
import OwnerSearch from '../shared/OwnerSearch';
import { SALE_ACTION_LABEL, SALE_STATUS_LABEL, type SaleStatus } from '../shared/product-text';
import { useOwnerProducts, type ProductFilter } from './useOwnerProducts';
import './index.scss';

const FILTERS: Array<[ProductFilter, string]> = [
  ['all', '全部'],
  ['on_sale', '在售'],
  ['off_sale', '已下架'],
  ['sold_out', '已售罄'],
];
const EMPTY: Record<ProductFilter, string> = {
  all: '还没有商品，点「新建商品」上架第一件',
  on_sale: '没有在售的商品',
  off_sale: '没有已下架的商品',
  sold_out: '没有售罄的商品',
};

export default function OwnerProductsPage() {
  const [filter, setFilter] = useState<ProductFilter>('all');
  const [query, setQuery] = useState('');
  const list = useOwnerProducts(filter, query);
  usePagedListScroll(list, '.owner-products__list');
  // Back from the editor: show what was saved there.
  useRefreshOnReturn(list.refresh);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }

  return (
    <View className="owner-products">
      <OwnerSearch
        placeholder="搜索商品标题"
        maxlength={PRODUCT_TITLE_MAX}
        query={query}
        onSearch={setQuery}
        onClear={() => setQuery('')}
      >
        <View className="owner-products__tabs">
          {FILTERS.map(([f, label]) => (
            <View
              key={f}
              className={f === filter ? 'owner-products__tab owner-products__tab--active' : 'owner-products__tab'}
              onClick={() => setFilter(f)}
            >
              {label}
            </View>
          ))}
        </View>
      </OwnerSearch>

      <PagedList
        list={list}
        block="owner-products"
        empty={{
          message: query ? '没有找到匹配的商品' : EMPTY[filter],
          actionText: '刷新',
          onAction: () => void list.refresh(),
        }}
        renderItem={(p) => <ProductRow product={p} onStatus={(status) => list.setStatus(p.id, status)} />}
      />

      <View className="owner-products__bar">
        <View
          className="owner-products__categories"
          onClick={() => void Taro.navigateTo({ url: PAGES.ownerCategories })}
        >
          商品分类
        </View>
        <View className="owner-products__create" onClick={() => void Taro.navigateTo({ url: PAGES.ownerProduct })}>
          新建商品
        </View>
      </View>
    </View>
  );
}

function ProductRow({ product: p, onStatus }: { product: OwnerProductCard; onStatus: (status: SaleStatus) => void }) {
  const [busy, setBusy] = useState(false);
  const next = p.status === 'on_sale' ? 'off_sale' : 'on_sale';

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    const status = await changeSaleStatus(p, next);
    setBusy(false);
    if (status) onStatus(status);
  };

  return (
    <View className="owner-products__row" aria-label={p.title}>
      {p.image ? (
        <Image className="owner-products__thumb" src={p.image} mode="aspectFill" />
      ) : (
        <View className="owner-products__thumb" />
      )}
      <View className="owner-products__body">
        <Text className="owner-products__title">{p.title}</Text>
        <View className="owner-products__meta">
          <Text className="owner-products__price">{formatFen(p.priceFen)}</Text>
          {p.skuCount > 1 ? <Text className="owner-products__from">起</Text> : null}
          <Text className="owner-products__stock">{`库存 ${p.stock}`}</Text>
          {p.soldOut ? <Text className="owner-products__tag owner-products__tag--sold-out">售罄</Text> : null}
          <Text className={`owner-products__tag owner-products__tag--${p.status}`}>{SALE_STATUS_LABEL[p.status]}</Text>
        </View>
        <View className="owner-products__actions">
          <View
            className="owner-products__action"
            onClick={() => void Taro.navigateTo({ url: routes.ownerProduct(p.id) })}
          >
            编辑
          </View>
          <View
            className={
              next === 'off_sale' ? 'owner-products__action owner-products__action--warn' : 'owner-products__action'
            }
            onClick={() => void toggle()}
          >
            {SALE_ACTION_LABEL[next]}
          </View>
        </View>
      </View>
    </View>
  );
}
