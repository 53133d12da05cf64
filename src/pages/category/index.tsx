// 分类: the shop's categories down the left (全部 first, the chosen one marked), the chosen one's products on the
// right a page at a time, and a search box on top that opens the search page. A tab page, so it stays lean: the
// search itself lives in the browse/ subpackage.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import PageState from '../../components/PageState';
import ProductCard from '../../components/ProductCard';
import { useCategories } from '../../hooks/useCategories';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useProductFeed } from '../../hooks/useProductFeed';
import { PAGES, routes } from '../../routes';
import './index.scss';

const openProduct = (id: string) => void Taro.navigateTo({ url: routes.product(id) });
const openSearch = () => void Taro.navigateTo({ url: PAGES.search });

export default function CategoryPage() {
  const categories = useCategories();
  // '' is 全部: the whole catalogue.
  const [chosen, setChosen] = useState('');
  // Back on the tab: the owner may have changed the categories meanwhile. The first show is the load itself.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void categories.reload();
    shownOnce.current = true;
  });

  if (categories.status === 'loading') return <PageState kind="loading" />;
  if (categories.status === 'error') {
    return (
      <PageState
        kind="error"
        message={categories.error?.message}
        actionText="重新加载"
        onAction={() => void categories.reload()}
      />
    );
  }
  // A category removed since it was chosen falls back to 全部.
  const current = categories.items.find((c) => c.id === chosen);
  const side = [{ id: '', name: '全部' }, ...categories.items];

  return (
    <View className="category">
      <View className="category__search" onClick={openSearch}>
        <Text className="category__search-box">搜索商品</Text>
      </View>
      <View className="category__body">
        <View className="category__side">
          {side.map((c) => (
            <View
              key={c.id || 'all'}
              className={c.id === (current?.id ?? '') ? 'category__tab category__tab--active' : 'category__tab'}
              aria-selected={c.id === (current?.id ?? '')}
              onClick={() => setChosen(c.id)}
            >
              {c.name}
            </View>
          ))}
        </View>
        <CategoryProducts categoryId={current?.id} name={current?.name} />
      </View>
    </View>
  );
}

function CategoryProducts({ categoryId, name }: { categoryId?: string; name?: string }) {
  const feed = useProductFeed(undefined, { categoryId });
  usePagedListScroll(feed, '.category__list');
  return (
    <View className="category__main">
      <PagedList
        list={feed}
        block="category"
        classes={{ rows: 'category__grid' }}
        empty={{
          message: name ? `「${name}」里还没有商品` : '店里还没有商品',
          actionText: '刷新看看',
          onAction: () => void feed.refresh(),
        }}
        renderItem={(product) => (
          <View className="category__cell">
            <ProductCard product={product} onTap={openProduct} />
          </View>
        )}
      />
    </View>
  );
}
