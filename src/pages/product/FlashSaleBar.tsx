// The flash-sale (秒杀) band of the product page: the flash price with the normal one struck through, the countdown
// (距开始 while upcoming, 距结束 while live) and the units left. When the countdown runs out the page reads the
// product again (the sale has started or ended); nothing is asked of the server otherwise.
import { Text, View } from '@tarojs/components';
import type { ProductFlashSale } from '../../../cloudfunctions/contracts/campaign';
import type { Sku } from '../../../cloudfunctions/contracts/shop';
import { useCountdown } from '../../hooks/useCountdown';
import { formatFen } from '../../lib/money';
import { formatHms } from '../../lib/time';
import './FlashSaleBar.scss';

export interface FlashSaleBarProps {
  sale: ProductFlashSale;
  skus: Sku[];
  selectedSkuId: string | null;
  /** The countdown ran out. */
  onEnd: () => void;
}

export default function FlashSaleBar({ sale, skus, selectedSkuId, onEnd }: FlashSaleBarProps) {
  const upcoming = sale.status === 'upcoming';
  const ended = sale.status === 'ended';
  const left = useCountdown(ended ? undefined : upcoming ? sale.startAt : sale.endAt, onEnd);
  if (ended || sale.skus.length === 0) return null;

  // The picked SKU when it is in the sale, else the one with the lowest flash price.
  const picked = sale.skus.find((k) => k.skuId === selectedSkuId);
  const shown = picked ?? sale.skus.reduce((low, k) => (k.priceFen < low.priceFen ? k : low));
  const normalFen = skus.find((k) => k.id === shown.skuId)?.priceFen;
  const unitsLeft = picked ? picked.stockLeft : sale.skus.reduce((n, k) => n + k.stockLeft, 0);

  return (
    <View className={`flash-bar flash-bar--${sale.status}`}>
      <View className="flash-bar__price">
        <Text className="flash-bar__label">{upcoming ? '秒杀预告' : '限时秒杀'}</Text>
        <Text className="flash-bar__value">{`秒杀价 ${formatFen(shown.priceFen)}`}</Text>
        {normalFen !== undefined && normalFen > shown.priceFen ? (
          <Text className="flash-bar__normal">{formatFen(normalFen)}</Text>
        ) : null}
        {!picked && new Set(sale.skus.map((k) => k.priceFen)).size > 1 ? (
          <Text className="flash-bar__from">起</Text>
        ) : null}
      </View>
      <View className="flash-bar__side">
        <Text className="flash-bar__countdown">{`${upcoming ? '距开始' : '距结束'} ${formatHms(left)}`}</Text>
        <Text className="flash-bar__stock">{stockText(sale, unitsLeft, !!picked)}</Text>
        <Text className="flash-bar__limit">{`每人限购 ${sale.perMember} 件`}</Text>
      </View>
    </View>
  );
}

/** 限量 n 件 before the start; 仅剩 n 件 while units are left; 已抢光 after (of the picked SKU: 该规格已抢光). */
function stockText(sale: ProductFlashSale, unitsLeft: number, ofPicked: boolean): string {
  if (sale.status === 'upcoming') return `限量 ${unitsLeft} 件`;
  if (sale.status === 'live' && unitsLeft > 0) return `仅剩 ${unitsLeft} 件`;
  return ofPicked && sale.status === 'live' ? '该规格已抢光' : '已抢光';
}
