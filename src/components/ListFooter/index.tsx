// The last row of a paged list: loading the next page, a failed page to tap and retry, or the end of the list.
import { View } from '@tarojs/components';
import type { PagedList } from '../../hooks/usePagedList';

export interface ListFooterProps {
  list: Pick<PagedList<unknown>, 'loadingMore' | 'loadMoreError' | 'done' | 'loadMore'>;
  /** The page's class for the row; `<className>--retry` is added while a failed page waits to be retried. */
  className: string;
}

export default function ListFooter({ list, className }: ListFooterProps) {
  if (list.loadingMore) return <View className={className}>加载中…</View>;
  if (list.loadMoreError) {
    return (
      <View className={`${className} ${className}--retry`} onClick={() => void list.loadMore()}>
        加载失败，点击重试
      </View>
    );
  }
  if (list.done) return <View className={className}>没有更多了</View>;
  return <View className={className} />;
}
