// Home: a search bar and the catalogue as a grid of cards, refreshed by pulling down and extended by scrolling to
// the bottom.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import ProductCard from '../../components/ProductCard';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useProductFeed } from '../../hooks/useProductFeed';
import { PAGES, routes } from '../../routes';
import './index.scss';

function openProduct(id: string) {
  void Taro.navigateTo({ url: routes.product(id) });
}

export default function HomePage() {
  const feed = useProductFeed();
  usePagedListScroll(feed, '.home__content');

  return (
    <View className="home">
      <View className="home__hero">
        <View className="home__brand-row">
          {feed.shop?.logo ? <Image className="home__logo" src={feed.shop.logo} mode="aspectFill" /> : null}
          {/* The shop's own name once the catalogue answers (they arrive together), 友荐 when it cannot. */}
          <Text className="home__brand">{feed.shop?.name ?? (feed.status === 'loading' ? '' : '友荐')}</Text>
        </View>
        <Text className="home__slogan">好物，来自朋友的真实推荐</Text>
        <View className="home__search" onClick={() => void Taro.navigateTo({ url: PAGES.search })}>
          搜索商品
        </View>
      </View>
      <PagedList
        list={feed}
        block="home"
        classes={{ list: 'home__content', rows: 'home__grid' }}
        empty={{ message: '店里还没有商品', actionText: '刷新看看', onAction: () => void feed.refresh() }}
        renderItem={(product) => (
          <View className="home__cell">
            <ProductCard product={product} onTap={openProduct} />
          </View>
        )}
      />
    </View>
  );
}
