// A paged list (usePagedList) with everything around its rows: loading, a failed first page to retry, the empty
// state, a "刷新失败" notice over rows already on screen, and the footer (加载中… / 加载失败，点击重试 / 没有更多了).
// 'page': the list is the page's body, and those states are full PageStates. 'inline': the list is one section
// of a page (a card), and they are one quiet line of it.
import { Fragment, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PagedList as PagedListState } from '../../hooks/usePagedList';
import PageState from '../PageState';

export interface EmptyState {
  message: string;
  /** A button under the message (page lists only). */
  actionText?: string;
  onAction?: () => void;
}

export interface PagedListClasses {
  /** The element around the rows and the footer: what usePagedListScroll / useFillScreen measure. */
  list: string;
  /** An element around the rows only (a grid), inside `list`; none by default. */
  rows: string;
  notice: string;
  /** `<footer>--retry` is added while a failed page waits to be tapped. */
  footer: string;
  /** Inline lists: the one line saying loading, the error or the empty state. */
  quiet: string;
  /** Added to `quiet` when the line is tapped to retry. */
  retry: string;
}

export interface PagedListProps<T extends { id: string }> {
  list: PagedListState<T>;
  /** The page's BEM block: the classes are `<block>__list`, `__notice`, `__footer`, `__quiet` and `__retry`. */
  block: string;
  /** Class names other than the block's defaults. */
  classes?: Partial<PagedListClasses>;
  variant?: 'page' | 'inline';
  /** What an empty list says (and offers). */
  empty: string | EmptyState;
  /** One row; the component keys it by the item's id. */
  renderItem: (item: T, index: number) => ReactNode;
  /** For a list nothing scrolls to load (no reach-bottom of its own): the idle footer is a row to tap for more. */
  moreText?: string;
}

export default function PagedList<T extends { id: string }>(props: PagedListProps<T>) {
  const { list, classes = {}, empty, moreText } = props;
  const page = props.variant !== 'inline';
  const cls = (name: keyof PagedListClasses) => classes[name] ?? `${props.block}__${name}`;
  const retry = () => void list.refresh();
  const more = () => void list.loadMore();

  if (list.status === 'loading') {
    return page ? <PageState kind="loading" /> : <Text className={cls('quiet')}>加载中…</Text>;
  }
  if (list.status === 'error') {
    return page ? (
      <PageState kind="error" message={list.error?.message} actionText="重新加载" onAction={retry} />
    ) : (
      <Text className={`${cls('quiet')} ${cls('retry')}`} onClick={retry}>
        {`${list.error?.message ?? '加载失败'}，点击重试`}
      </Text>
    );
  }
  if (list.items.length === 0) {
    const state = typeof empty === 'string' ? { message: empty } : empty;
    return page ? <PageState kind="empty" {...state} /> : <Text className={cls('quiet')}>{state.message}</Text>;
  }

  const rows = list.items.map((item, i) => <Fragment key={item.id}>{props.renderItem(item, i)}</Fragment>);
  const footer = cls('footer');
  return (
    <View className={cls('list')}>
      {/* An inline list's refresh belongs to its page, whose own notice says when that failed. */}
      {page && list.error ? <View className={cls('notice')}>{`刷新失败：${list.error.message}`}</View> : null}
      {classes.rows ? <View className={classes.rows}>{rows}</View> : rows}
      {list.loadingMore ? (
        <View className={footer}>加载中…</View>
      ) : list.loadMoreError ? (
        <View className={`${footer} ${footer}--retry`} onClick={more}>
          加载失败，点击重试
        </View>
      ) : list.done ? (
        <View className={footer}>没有更多了</View>
      ) : (
        // Reach-bottom loads the next page; a list without it offers a row to tap.
        <View className={footer} onClick={moreText ? more : undefined}>
          {moreText}
        </View>
      )}
    </View>
  );
}
