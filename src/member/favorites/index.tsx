// 我的收藏: the products the buyer kept, latest first, each with its price; one taken off sale is marked 已下架 and
// cannot be bought, a sold-out one 已售罄. 取消收藏 on each. Pull down to refresh; more at the bottom.
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { formatFen } from '../../lib/money';
import { PAGES, routes } from '../../routes';
import type { FavoriteItem } from '../../../cloudfunctions/contracts/shop';
import { useFavorites, type Favorites } from './useFavorites';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function FavoritesPage() {
  const favorites = useFavorites();
  usePagedListScroll(favorites, '.favorites__list');
  return (
    <View className="favorites">
      <PagedList
        list={favorites}
        block="favorites"
        empty={{
          message: '还没有收藏的商品',
          actionText: '去逛逛',
          onAction: () => void Taro.switchTab({ url: PAGES.home }),
        }}
        renderItem={(item) => <FavoriteRow item={item} onRemove={favorites.remove} />}
      />
    </View>
  );
}

function FavoriteRow(props: { item: FavoriteItem; onRemove: Favorites['remove'] }) {
  const { item } = props;
  const [busy, setBusy] = useState(false);
  const open = () => {
    if (item.offSale) toast('商品已下架，暂时不能购买');
    else void Taro.navigateTo({ url: routes.product(item.id) });
  };
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    const res = await props.onRemove(item.id);
    setBusy(false);
    toast(res.ok ? '已取消收藏' : res.error.message);
  };
  const mark = item.offSale ? '已下架' : item.soldOut ? '已售罄' : null;

  return (
    <View className={item.offSale ? 'favorites__row favorites__row--off' : 'favorites__row'} aria-label={item.title}>
      <View className="favorites__media" onClick={open}>
        <Image className="favorites__image" src={item.image} mode="aspectFill" />
        {mark ? <Text className="favorites__mark">{mark}</Text> : null}
      </View>
      <View className="favorites__body">
        <Text className="favorites__title" onClick={open}>
          {item.title}
        </Text>
        <View className="favorites__foot">
          <Text className="favorites__price">{item.offSale ? '不可购买' : formatFen(item.priceFen)}</Text>
          <Text className="favorites__remove" onClick={() => void remove()}>
            {busy ? '处理中…' : '取消收藏'}
          </Text>
        </View>
      </View>
    </View>
  );
}
