// 搜索: a search field (1-30 characters after trimming), the results as cards a page at a time, the last searches
// kept on the device (tap one to search it again, 清空 after asking), and advice when nothing matched.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import ProductCard from '../../components/ProductCard';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useProductFeed } from '../../hooks/useProductFeed';
import { PAGES, routes } from '../../routes';
import { SEARCH_QUERY_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import { checkQuery, readHistory, withSearch, writeHistory } from './history';
import './index.scss';

const openProduct = (id: string) => void Taro.navigateTo({ url: routes.product(id) });

export default function SearchPage() {
  const [draft, setDraft] = useState('');
  /** The query the results are of; '' shows the history instead. */
  const [query, setQuery] = useState('');
  /** Each search counts, the same words again too: its results load afresh. */
  const [searches, setSearches] = useState(0);
  const [history, setHistory] = useState(readHistory);

  const search = (text: string) => {
    const checked = checkQuery(text);
    if (!checked.ok) {
      void Taro.showToast({ title: checked.message, icon: 'none' });
      return;
    }
    setDraft(checked.q);
    setQuery(checked.q);
    setSearches((n) => n + 1);
    const next = withSearch(history, checked.q);
    setHistory(next);
    writeHistory(next);
  };

  const clearDraft = () => {
    setDraft('');
    setQuery('');
  };

  const clearHistory = async () => {
    const { confirm } = await Taro.showModal({
      title: '清空搜索历史',
      content: '确定清空全部搜索历史吗？',
      confirmText: '清空',
      cancelText: '取消',
    });
    if (!confirm) return;
    setHistory([]);
    writeHistory([]);
  };

  return (
    <View className="search">
      <View className="search__bar">
        <View className="search__field">
          <Input
            className="search__input"
            type="text"
            value={draft}
            maxlength={SEARCH_QUERY_BOUNDS.max}
            placeholder="搜索商品名称或规格"
            confirmType="search"
            focus
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={() => search(draft)}
          />
          {draft ? (
            <Text className="search__clear" aria-label="清除" onClick={clearDraft}>
              ×
            </Text>
          ) : null}
        </View>
        <View className="search__button" hoverClass="search__button--pressed" onClick={() => search(draft)}>
          搜索
        </View>
      </View>
      {query ? (
        <SearchResults key={searches} q={query} />
      ) : (
        <History items={history} onSearch={search} onClear={() => void clearHistory()} />
      )}
    </View>
  );
}

function History(props: { items: string[]; onSearch: (q: string) => void; onClear: () => void }) {
  if (props.items.length === 0) return null;
  return (
    <View className="search__history">
      <View className="search__history-head">
        <Text className="search__history-title">搜索历史</Text>
        <Text className="search__history-clear" onClick={props.onClear}>
          清空
        </Text>
      </View>
      <View className="search__chips">
        {props.items.map((q) => (
          <Text key={q} className="search__chip" onClick={() => props.onSearch(q)}>
            {q}
          </Text>
        ))}
      </View>
    </View>
  );
}

function SearchResults({ q }: { q: string }) {
  const feed = useProductFeed(undefined, { q });
  usePagedListScroll(feed, '.search__list');
  if (feed.status === 'ready' && feed.items.length === 0) {
    return (
      <View className="search__advice">
        <Text className="search__advice-title">{`没有找到与「${q}」相关的商品`}</Text>
        <Text className="search__advice-line">· 试试更短的关键词</Text>
        <Text className="search__advice-line">· 换个说法，比如用商品的品类或规格</Text>
        <View className="search__advice-action" onClick={() => void Taro.switchTab({ url: PAGES.category })}>
          去分类看看
        </View>
      </View>
    );
  }
  return (
    <PagedList
      list={feed}
      block="search"
      classes={{ rows: 'search__grid' }}
      empty=""
      renderItem={(product) => (
        <View className="search__cell">
          <ProductCard product={product} onTap={openProduct} />
        </View>
      )}
    />
  );
}
