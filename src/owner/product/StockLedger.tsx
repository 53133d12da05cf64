// 库存记录: every change of the product's stock, newest first: which SKU, how much, what was left, why, who, when.
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../lib/time';

export const LEDGER_PAGE_SIZE = 20;

export interface StockLedgerProps {
  productId: string;
  /** Bumped after a change the ledger now holds: the list starts over. */
  version: number;
}

export default function StockLedger({ productId, version }: StockLedgerProps) {
  const list = usePagedList(
    (page) => shopApi.stockLedger({ productId, ...page, limit: LEDGER_PAGE_SIZE }),
    `${productId}:${version}`,
  );
  // The ledger is the end of the editor: reaching the bottom of the page reads on.
  useReachBottom(() => void list.loadMore());

  return (
    <View className="product-editor__card">
      <Text className="product-editor__section">库存记录</Text>
      <PagedList
        list={list}
        variant="inline"
        block="product-editor"
        classes={{ list: 'product-editor__ledger', quiet: 'product-editor__muted', footer: 'product-editor__more' }}
        empty="还没有库存变动"
        moreText="加载更多"
        renderItem={(e) => (
          <View className="product-editor__entry">
            <View className="product-editor__entry-row">
              <Text className="product-editor__entry-spec">{e.spec}</Text>
              <Text
                className={e.delta > 0 ? 'product-editor__delta product-editor__delta--in' : 'product-editor__delta'}
              >
                {e.delta > 0 ? `+${e.delta}` : `−${-e.delta}`}
              </Text>
              <Text className="product-editor__after">{`余 ${e.stockAfter}`}</Text>
            </View>
            <Text className="product-editor__entry-note">{`${e.reason} · ${e.by} · ${formatDateTime(e.at)}`}</Text>
          </View>
        )}
      />
    </View>
  );
}
