// A paged list's page events: pulling down refreshes it, reaching the bottom loads more, and a first page too
// short to scroll keeps loading until it fills the screen (reach-bottom never fires without a scroll).
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { PagedList } from './usePagedList';
import { useFillScreen } from './useFillScreen';

/** `listSelector`: the list's element, measured against the window. */
export function usePagedListScroll(list: PagedList<unknown>, listSelector: string): void {
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  useFillScreen(
    listSelector,
    list.items.length,
    list.status === 'ready' && !list.done && !list.loadingMore && !list.loadMoreError,
    () => {
      void list.loadMore();
    },
  );
}
