// One product tile of the catalogue grid. Self-contained on purpose (no store, no API, no Taro APIs):
// it is also compiled alone with `taro build native-components` and tested in miniprogram-simulate.
import { Image, Text, View } from '@tarojs/components';
import type { ProductCard as ProductCardData } from '../../../cloudfunctions/contracts/shop';
import { formatFen } from '../../lib/money';
import './index.scss';

export interface ProductCardProps {
  product: ProductCardData;
  onTap?: (id: string) => void;
}

export default function ProductCard({ product, onTap }: ProductCardProps) {
  const className = product.soldOut ? 'product-card product-card--sold-out' : 'product-card';
  return (
    <View className={className} hoverClass="product-card--pressed" onClick={() => onTap?.(product.id)}>
      <View className="product-card__media">
        <Image className="product-card__image" src={product.image} mode="aspectFill" lazyLoad />
        {product.soldOut ? <Text className="product-card__badge">已售罄</Text> : null}
      </View>
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        <Text className="product-card__price">{formatFen(product.priceFen)}</Text>
      </View>
    </View>
  );
}
