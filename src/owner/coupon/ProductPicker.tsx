// The products a coupon of chosen products applies to: the owner's catalogue a page at a time, each row ticked on or
// off (`disabled`: a claimed coupon's products, shown but not changed).
import { Image, Text, View } from '@tarojs/components';
import { shopApi } from '../../api/shop';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { formatFen } from '../../lib/money';

export const PICKER_PAGE_SIZE = 20;

export interface ProductPickerProps {
  selected: string[];
  onToggle: (productId: string) => void;
  disabled?: boolean;
}

export default function ProductPicker({ selected, onToggle, disabled }: ProductPickerProps) {
  const list = usePagedList(
    (page) => shopApi.ownerProducts({ filter: 'all', ...page, limit: PICKER_PAGE_SIZE }),
    'all',
  );
  return (
    <PagedList
      list={list}
      variant="inline"
      block="coupon-editor"
      classes={{ list: 'coupon-editor__products' }}
      empty="还没有商品"
      moreText="加载更多商品"
      renderItem={(p) => {
        const on = selected.includes(p.id);
        return (
          <View
            className={on ? 'coupon-editor__product coupon-editor__product--on' : 'coupon-editor__product'}
            role="checkbox"
            aria-checked={on}
            aria-disabled={disabled}
            onClick={() => (disabled ? undefined : onToggle(p.id))}
          >
            <View className="coupon-editor__tick">{on ? '✓' : ''}</View>
            {p.image ? <Image className="coupon-editor__product-image" src={p.image} mode="aspectFill" /> : null}
            <Text className="coupon-editor__product-title">{p.title}</Text>
            <Text className="coupon-editor__product-price">{formatFen(p.priceFen)}</Text>
          </View>
        );
      }}
    />
  );
}
