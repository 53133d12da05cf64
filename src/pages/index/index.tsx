// Home: the catalogue as a grid of cards, refreshed by pulling down and extended by scrolling to the bottom.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ListFooter from '../../components/ListFooter';
import ProductCard from '../../components/ProductCard';
import PageState from '../../components/PageState';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useProductFeed } from '../../hooks/useProductFeed';
import { PRODUCT_PAGE } from '../../lib/share';
import './index.scss';

function openProduct(id: string) {
  void Taro.navigateTo({ url: `${PRODUCT_PAGE}?id=${encodeURIComponent(id)}` });
}

export default function HomePage() {
  const feed = useProductFeed();
  usePagedListScroll(feed, '.home__content');

  return (
    <View className='home'>
      <View className='home__hero'>
        <View className='home__brand-row'>
          {feed.shop?.logo ? <Image className='home__logo' src={feed.shop.logo} mode='aspectFill' /> : null}
          {/* The shop's own name once the catalogue answers (they arrive together), 友荐 when it cannot. */}
          <Text className='home__brand'>{feed.shop?.name ?? (feed.status === 'loading' ? '' : '友荐')}</Text>
        </View>
        <Text className='home__slogan'>好物，来自朋友的真实推荐</Text>
      </View>
      {feed.status === 'loading' ? <PageState kind='loading' /> : null}
      {feed.status === 'error' ? (
        <PageState kind='error' message={feed.error?.message} actionText='重新加载' onAction={() => void feed.refresh()} />
      ) : null}
      {feed.status === 'ready' && feed.items.length === 0 ? (
        <PageState kind='empty' message='店里还没有商品' actionText='刷新看看' onAction={() => void feed.refresh()} />
      ) : null}
      {feed.status === 'ready' && feed.items.length > 0 ? (
        <View className='home__content'>
          {feed.error ? <View className='home__notice'>{`刷新失败：${feed.error.message}`}</View> : null}
          <View className='home__grid'>
            {feed.items.map((product) => (
              <View className='home__cell' key={product.id}>
                <ProductCard product={product} onTap={openProduct} />
              </View>
            ))}
          </View>
          <ListFooter list={feed} className='home__footer' />
        </View>
      ) : null}
    </View>
  );
}
