// 收藏 on the product page: shown at once (optimistic), put back with a toast when the shop refuses. Hidden in the
// Moments preview, which has no signed-in buyer.
import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import './FavoriteButton.scss';

export interface FavoriteButtonProps {
  productId: string;
  /** As the product page loaded it (`ProductDetail.favorited`). */
  favorited: boolean;
  moments?: boolean;
}

export default function FavoriteButton({ productId, favorited, moments }: FavoriteButtonProps) {
  const [on, setOn] = useState(favorited);
  const busy = useRef(false);
  // A reloaded page brings the shop's word.
  useEffect(() => setOn(favorited), [favorited]);
  if (moments) return null;

  const toggle = async () => {
    if (busy.current) return;
    busy.current = true;
    const next = !on;
    setOn(next);
    const res = await shopApi.favorite({ productId, on: next });
    busy.current = false;
    if (res.ok) {
      setOn(res.data.favorited);
      void Taro.showToast({ title: res.data.favorited ? '已收藏' : '已取消收藏', icon: 'none' });
    } else {
      setOn(!next);
      void Taro.showToast({ title: res.error.message, icon: 'none' });
    }
  };

  return (
    <View
      className={on ? 'favorite-button favorite-button--on' : 'favorite-button'}
      role="switch"
      aria-checked={on}
      onClick={() => void toggle()}
    >
      {on ? '★ 已收藏' : '☆ 收藏'}
    </View>
  );
}
