import { act, fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import type { Result } from '../../api/client';
import { usePagedList, type Page, type PagedList as PagedListState, type PageRequest } from '../../hooks/usePagedList';
import { deferred } from '../../test-utils/deferred';
import PagedList, { type PagedListProps } from './index';

interface Row {
  id: string;
  name: string;
}
type Answer = Result<Page<Row>>;

const page = (names: string[], nextCursor: string | null): Answer => ({
  ok: true,
  data: { items: names.map((name) => ({ id: `id-${name}`, name })), nextCursor },
});
const failure = (message = '网络异常，请稍后重试'): Answer => ({ ok: false, error: { code: 'network', message } });

/** The answers the test hands out, one request at a time. */
let answers: Array<ReturnType<typeof deferred<Answer>>> = [];
const fetchPage = jest.fn((_page: PageRequest) => {
  const answer = deferred<Answer>();
  answers.push(answer);
  return answer.promise;
});
/** Settles the oldest request still waiting. */
const answer = async (result: Answer) => {
  const next = answers.shift();
  if (!next) throw new Error('no request is waiting');
  await act(async () => next.resolve(result));
};

type Extra = Partial<Omit<PagedListProps<Row>, 'list'>>;

/** The list the harness rendered last: the test refreshes and loads more through it, as a page's events would. */
let shown: PagedListState<Row>;

/** A real usePagedList under the component, as the pages use it. */
function Harness(props: Extra) {
  const list = usePagedList((p) => fetchPage(p), 'key');
  shown = list;
  return (
    <PagedList
      list={list}
      block="things"
      empty="还没有东西"
      renderItem={(row, i) => <Text className="thing">{`${i + 1}. ${row.name}`}</Text>}
      {...props}
    />
  );
}

const rowTexts = (container: HTMLElement) => Array.from(container.querySelectorAll('.thing')).map((n) => n.textContent);

beforeEach(() => {
  answers = [];
  fetchPage.mockClear();
});

describe('PagedList (page)', () => {
  it('shows loading, then the rows in order with their index, inside the list element, and the footer', async () => {
    const { container } = render(<Harness />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(container.querySelector('.things__list')).toBeNull();

    await answer(page(['苹果', '香蕉'], 'c1'));
    expect(screen.queryByText('加载中…')).toBeNull();
    expect(rowTexts(container)).toEqual(['1. 苹果', '2. 香蕉']);
    const list = container.querySelector('.things__list');
    expect(list?.querySelectorAll('.thing')).toHaveLength(2);
    // Between pages the footer is an empty row (reach-bottom loads more).
    expect(list?.lastElementChild?.className).toBe('things__footer');
    expect(list?.lastElementChild?.textContent).toBe('');
  });

  it('shows a failed first page with 重新加载, which loads it again', async () => {
    const { container } = render(<Harness />);
    await answer(failure('服务暂时不可用'));
    expect(screen.getByText('服务暂时不可用')).toBeTruthy();

    fireEvent.click(screen.getByText('重新加载'));
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(fetchPage).toHaveBeenLastCalledWith({});
    await answer(page(['苹果'], null));
    expect(screen.queryByText('服务暂时不可用')).toBeNull();
    expect(rowTexts(container)).toEqual(['1. 苹果']);
  });

  it('says what an empty list says, with its action when it has one', async () => {
    const onAction = jest.fn();
    const { container } = render(<Harness empty={{ message: '店里还没有商品', actionText: '刷新看看', onAction }} />);
    await answer(page([], null));
    expect(screen.getByText('店里还没有商品')).toBeTruthy();
    expect(container.querySelector('.things__list')).toBeNull();
    expect(screen.queryByText('没有更多了')).toBeNull();
    fireEvent.click(screen.getByText('刷新看看'));
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('takes a plain message for an empty list, with no button', async () => {
    render(<Harness />);
    await answer(page([], null));
    expect(screen.getByText('还没有东西')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
  });

  it('keeps the rows when a refresh fails and says so over them, until a refresh succeeds', async () => {
    const { container } = render(<Harness />);
    await answer(page(['苹果'], null));

    act(() => void shown.refresh());
    await answer(failure('网络不好'));
    expect(screen.getByText('刷新失败：网络不好').className).toBe('things__notice');
    expect(rowTexts(container)).toEqual(['1. 苹果']);

    act(() => void shown.refresh());
    await answer(page(['苹果', '梨'], null));
    expect(screen.queryByText('刷新失败：网络不好')).toBeNull();
    expect(rowTexts(container)).toEqual(['1. 苹果', '2. 梨']);
  });

  it('footer: 加载中… while the next page loads, 没有更多了 after the last one', async () => {
    const { container } = render(<Harness />);
    await answer(page(['苹果'], 'c1'));

    act(() => void shown.loadMore());
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(screen.getByText('加载中…').className).toBe('things__footer');
    await answer(page(['梨'], null));
    expect(rowTexts(container)).toEqual(['1. 苹果', '2. 梨']);
    expect(screen.getByText('没有更多了').className).toBe('things__footer');
  });

  it('footer: a failed next page is tapped to try it again', async () => {
    const { container } = render(<Harness />);
    await answer(page(['苹果'], 'c1'));
    act(() => void shown.loadMore());
    await answer(failure());

    const retry = screen.getByText('加载失败，点击重试');
    expect(retry.className).toBe('things__footer things__footer--retry');
    expect(rowTexts(container)).toEqual(['1. 苹果']);
    fireEvent.click(retry);
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c1' });
    await answer(page(['梨'], null));
    expect(rowTexts(container)).toEqual(['1. 苹果', '2. 梨']);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('wraps the rows alone in `rows` (a grid) and takes other class names', async () => {
    const classes = { list: 'home__content', rows: 'home__grid', footer: 'home__footer' };
    const { container } = render(<Harness classes={classes} />);
    await answer(page(['苹果', '香蕉'], null));
    const grid = container.querySelector('.home__content > .home__grid');
    expect(grid?.querySelectorAll('.thing')).toHaveLength(2);
    expect(container.querySelector('.home__content > .home__footer')?.textContent).toBe('没有更多了');
  });
});

describe('PagedList (inline)', () => {
  it('says loading, the error (tapped to retry) and the empty state in one quiet line', async () => {
    const { container } = render(<Harness variant="inline" />);
    expect(screen.getByText('加载中…').className).toBe('things__quiet');

    await answer(failure('网络不好'));
    const line = screen.getByText('网络不好，点击重试');
    expect(line.className).toBe('things__quiet things__retry');
    expect(screen.queryByText('重新加载')).toBeNull();

    fireEvent.click(line);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    await answer(page([], null));
    expect(screen.getByText('还没有东西').className).toBe('things__quiet');
    expect(container.querySelector('.page-state')).toBeNull();
  });

  it('with `moreText`, the idle footer loads the next page when tapped', async () => {
    const { container } = render(<Harness variant="inline" moreText="加载更多" classes={{ footer: 'more' }} />);
    await answer(page(['苹果'], 'c1'));
    const more = screen.getByText('加载更多');
    expect(more.className).toBe('more');

    fireEvent.click(more);
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(screen.getByText('加载中…').className).toBe('more');
    await answer(page(['梨'], null));
    expect(rowTexts(container)).toEqual(['1. 苹果', '2. 梨']);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('没有更多了').className).toBe('more');
  });
});
