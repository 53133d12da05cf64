// The products a coupon of chosen products applies to (or the one product of an activity, 拼团 or 秒杀): the owner's
// catalogue a page at a time, each row ticked on or off (`disabled`: a claimed coupon's products, shown but not
// changed).
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
  /** The page's BEM block for the rows' classes (the activity editors have their own). */
  block?: string;
}

export default function ProductPicker({ selected, onToggle, disabled, block = 'coupon-editor' }: ProductPickerProps) {
  const list = usePagedList(
    (page) => shopApi.ownerProducts({ filter: 'all', ...page, limit: PICKER_PAGE_SIZE }),
    'all',
  );
  return (
    <PagedList
      list={list}
      variant="inline"
      block={block}
      classes={{ list: `${block}__products` }}
      empty="还没有商品"
      moreText="加载更多商品"
      renderItem={(p) => {
        const on = selected.includes(p.id);
        return (
          <View
            className={on ? `${block}__product ${block}__product--on` : `${block}__product`}
            role="checkbox"
            aria-checked={on}
            aria-disabled={disabled}
            onClick={() => (disabled ? undefined : onToggle(p.id))}
          >
            <View className={`${block}__tick`}>{on ? '✓' : ''}</View>
            {p.image ? <Image className={`${block}__product-image`} src={p.image} mode="aspectFill" /> : null}
            <Text className={`${block}__product-title`}>{p.title}</Text>
            <Text className={`${block}__product-price`}>{formatFen(p.priceFen)}</Text>
          </View>
        );
      }}
    />
  );
}
