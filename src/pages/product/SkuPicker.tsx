// The product's SKUs as chips: spec and stock; a sold-out SKU is shown but cannot be picked. While a flash sale is
// live its SKUs show the flash price and the units left at it (and can be picked on those alone).
import { Text, View } from '@tarojs/components';
import type { ProductFlashSale } from '../../../cloudfunctions/contracts/campaign';
import type { Sku } from '../../../cloudfunctions/contracts/shop';
import { formatFen } from '../../lib/money';

export interface SkuPickerProps {
  skus: Sku[];
  selectedId: string | null;
  onSelect: (skuId: string) => void;
  /** A flash sale of the product, passed only while it is live. */
  flash?: ProductFlashSale;
}

export default function SkuPicker({ skus, selectedId, onSelect, flash }: SkuPickerProps) {
  return (
    <View className="sku-picker">
      {skus.map((sku) => {
        const onSale = flash?.skus.find((k) => k.skuId === sku.id);
        const flashLeft = onSale ? onSale.stockLeft : 0;
        const soldOut = sku.stock <= 0 && flashLeft <= 0;
        const className = ['sku', soldOut ? 'sku--disabled' : '', sku.id === selectedId ? 'sku--selected' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <View
            key={sku.id}
            className={className}
            aria-disabled={soldOut}
            onClick={soldOut ? undefined : () => onSelect(sku.id)}
          >
            <Text className="sku__spec">{sku.spec}</Text>
            {onSale && flashLeft > 0 ? (
              <Text className="sku__flash">{`秒杀 ${formatFen(onSale.priceFen)}`}</Text>
            ) : null}
            <Text className="sku__stock">
              {soldOut ? '已售罄' : flashLeft > 0 ? `秒杀剩 ${flashLeft}` : `库存 ${sku.stock}`}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
