// The product's SKUs as chips: spec and stock; a sold-out SKU is shown but cannot be picked.
import { Text, View } from '@tarojs/components';
import type { Sku } from '../../../cloudfunctions/contracts/shop';

export interface SkuPickerProps {
  skus: Sku[];
  selectedId: string | null;
  onSelect: (skuId: string) => void;
}

export default function SkuPicker({ skus, selectedId, onSelect }: SkuPickerProps) {
  return (
    <View className="sku-picker">
      {skus.map((sku) => {
        const soldOut = sku.stock <= 0;
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
            <Text className="sku__stock">{soldOut ? '已售罄' : `库存 ${sku.stock}`}</Text>
          </View>
        );
      })}
    </View>
  );
}
