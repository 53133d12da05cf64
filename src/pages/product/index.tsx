// Product: what a friend's shared card opens. Photos, price, SKUs, whose recommendation it is, what buyers said, the
// share and poster entries, 客服 (联系客服), and buying: 加入购物车 or 立即购买 of the picked SKU. A visit through
// someone's share is recorded for them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { Product, Sku } from '../../../cloudfunctions/contracts/shop';
import { commissionApi } from '../../api/commission';
import ContactService from '../../components/ContactService';
import { contactFrom } from '../../components/ContactService/types';
import Gallery from '../../components/Gallery';
import PageState from '../../components/PageState';
import ShareSheet from '../../components/ShareSheet';
import { useProductDetail } from '../../hooks/useProductDetail';
import { formatFen } from '../../lib/money';
import { reviewsUrl } from '../../lib/reviews';
import {
  isMomentsSinglePage,
  parseProductEntry,
  productShareQuery,
  productSharePath,
  productShareUrl,
  shareCardTitle,
  type ProductEntry,
} from '../../lib/share';
import { PAGES, routes } from '../../routes';
import { summarizeCart, useCart, type AddOutcome, type CartItem } from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import { useSession } from '../../stores/session';
import CouponRow from './CouponRow';
import FavoriteButton from './FavoriteButton';
import Reviews from './Reviews';
import SkuPicker from './SkuPicker';
import TrustBanner from './TrustBanner';
import './index.scss';

// Read when rendering (the build replaces it with a constant either way), so tests can render both builds.
const isH5 = () => process.env.TARO_ENV === 'h5';
const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

/**
 * Tells the commission function that someone opened a shared link, once per page open and after the product has
 * arrived (so it never competes with the first paint). The sharer's own clicks are not visits. Outside Moments it
 * waits for the session to know who "own" is; in Moments there is no session and the visit goes anonymously.
 * A binding it answers with updates the session; a failure changes nothing on the page.
 */
function useRecordVisit(entry: ProductEntry | null, productReady: boolean, moments: boolean): void {
  const sent = useRef(false);
  const sessionReady = useSession((s) => s.status === 'ready');
  const myShareCode = useSession((s) => s.user?.shareCode);
  useEffect(() => {
    if (sent.current || !entry?.s || !productReady) return;
    if (!moments && !sessionReady) return;
    sent.current = true;
    if (!moments && entry.s === myShareCode) return;
    void commissionApi
      .recordVisit({ productId: entry.id, s: entry.s, c: entry.c ?? 'chat' })
      .then((res) => {
        if (res.ok && res.data.binding) useSession.getState().setBinding(res.data.binding);
      })
      .catch(() => undefined);
  }, [entry, productReady, moments, sessionReady, myShareCode]);
}

function cartItem(product: Product, sku: Sku): CartItem {
  return {
    productId: product.id,
    skuId: sku.id,
    title: product.title,
    spec: sku.spec,
    priceFen: sku.priceFen,
    image: product.images[0] ?? '',
    stock: sku.stock,
  };
}

/** What the buyer hears after 加入购物车; the cart bounds the quantity by stock and says when it did. */
function addedMessage(outcome: AddOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return '已加入购物车';
    case 'clamped':
      return `已加入购物车，最多可买 ${outcome.max} 件`;
    case 'full':
      return `购物车已有 ${outcome.qty} 件，已达可购买上限`;
    case 'sold_out':
      return '该规格已售罄';
  }
}

export default function ProductPage() {
  const { params } = useRouter();
  const entry = useMemo(() => parseProductEntry(params), [params]);
  // Opened from Moments (single-page mode) there is no login: render from public data only.
  const moments = isMomentsSinglePage(Taro.getLaunchOptionsSync().scene, isH5() ? params.scene : undefined);
  const page = useProductDetail(entry);
  const myShareCode = useSession((s) => (moments ? undefined : s.user?.shareCode));
  const [sharing, setSharing] = useState(false);
  const cartQty = useCart((s) => summarizeCart(s.lines).totalQty);

  useEffect(() => {
    if (!moments) void useSession.getState().load();
  }, [moments]);
  useRecordVisit(entry, page.status === 'ready', moments);

  const product = page.detail?.product;
  const productId = product?.id ?? entry?.id ?? '';
  const myNote = page.detail?.myNote;
  useShareAppMessage(() => ({
    title: product ? shareCardTitle(product.title, myNote, product.status !== 'on_sale') : '友荐',
    path: productSharePath(productId, myShareCode, 'chat'),
    imageUrl: product?.images[0],
  }));
  useShareTimeline(() => ({
    title: product ? shareCardTitle(product.title, undefined, product.status !== 'on_sale') : '友荐',
    query: productShareQuery(productId, myShareCode, 'moments'),
    imageUrl: product?.images[0],
  }));

  if (page.status === 'loading') return <PageState kind="loading" />;
  if (page.status === 'not_found') {
    return moments ? (
      <PageState kind="empty" message="商品不存在或已下架" />
    ) : (
      <PageState
        kind="empty"
        message="商品不存在或已下架"
        actionText="去首页逛逛"
        onAction={() => void Taro.switchTab({ url: PAGES.home })}
      />
    );
  }
  if (page.status === 'error' || !page.detail || !product) {
    return (
      <PageState kind="error" message={page.error?.message} actionText="重新加载" onAction={() => void page.reload()} />
    );
  }

  const { trust, reviews } = page.detail;
  const sku = page.selectedSku;

  const addToCart = () => {
    if (!sku) {
      toast('请选择规格');
      return;
    }
    const outcome = useCart.getState().add(cartItem(product, sku));
    toast(addedMessage(outcome), outcome.kind === 'added' ? 'success' : 'none');
  };

  const buyNow = () => {
    if (!sku) {
      toast('请选择规格');
      return;
    }
    const { stock: _stock, ...line } = cartItem(product, sku);
    useCheckout.getState().start([{ ...line, qty: 1 }], 'buy_now');
    void Taro.navigateTo({ url: PAGES.checkout });
  };
  // Nothing to pick: say so on the bar instead of asking for a SKU that cannot be picked.
  const unavailable =
    product.status !== 'on_sale' ? '商品已下架' : product.skus.every((k) => k.stock <= 0) ? '已售罄' : null;
  // A poster of a product no longer sold would only disappoint whoever scans it.
  const openPoster =
    product.status === 'on_sale' ? () => void Taro.navigateTo({ url: routes.sharePoster(product.id) }) : undefined;

  return (
    <View className={moments ? 'product product--moments' : 'product'}>
      <Gallery images={product.images} />

      <View className="product__card">
        <View className="product__price-row">
          {page.priceFen !== null ? <Text className="product__price">{formatFen(page.priceFen)}</Text> : null}
          {page.priceIsFrom ? <Text className="product__price-from">起</Text> : null}
          <FavoriteButton productId={product.id} favorited={page.detail.favorited} moments={moments} />
        </View>
        <Text className="product__title">{product.title}</Text>
      </View>

      <TrustBanner trust={trust} />

      {moments ? null : <CouponRow productId={product.id} />}

      <View className="product__card">
        <View className="product__section-head">
          <Text className="product__section-title">选择规格</Text>
          {page.selectedSku ? <Text className="product__section-aside">{`已选：${page.selectedSku.spec}`}</Text> : null}
        </View>
        <SkuPicker skus={product.skus} selectedId={page.selectedSku?.id ?? null} onSelect={page.selectSku} />
      </View>

      <Reviews
        reviews={reviews}
        shownId={trust.sharerReview?.id}
        onOpenAll={moments ? undefined : () => void Taro.navigateTo({ url: reviewsUrl(product.id) })}
      />

      <View className="product__card">
        <Text className="product__section-title">商品详情</Text>
        <Text className="product__description">{product.description || '店主还没有写介绍'}</Text>
      </View>

      {moments ? (
        <View className="product__moments">当前为朋友圈预览，点击屏幕下方「前往小程序」打开完整店铺</View>
      ) : (
        <View className="product__bar">
          {isH5() ? (
            <View className="product__share" onClick={() => setSharing(true)}>
              分享
            </View>
          ) : (
            <Button className="product__share product__share--native" openType="share">
              分享
            </Button>
          )}
          {!isH5() && openPoster ? (
            <View className="product__share" onClick={openPoster}>
              海报
            </View>
          ) : null}
          <ContactService
            className="product__share product__share--native"
            sessionFrom={contactFrom.product(product.id)}
            card={{ title: product.title, path: routes.product(product.id), img: product.images[0] ?? '' }}
            text="客服"
          />
          <View className="product__cart" onClick={() => void Taro.switchTab({ url: PAGES.cart })}>
            购物车
            {cartQty > 0 ? <Text className="product__cart-badge">{cartQty > 99 ? '99+' : String(cartQty)}</Text> : null}
          </View>
          {unavailable ? (
            <View className="product__buy">
              <View className="product__unavailable" aria-disabled>
                {unavailable}
              </View>
            </View>
          ) : (
            <View className="product__buy">
              <View className="product__add" hoverClass="product__add--pressed" onClick={addToCart}>
                加入购物车
              </View>
              <View className="product__buy-button" hoverClass="product__buy-button--pressed" onClick={buyNow}>
                立即购买
              </View>
            </View>
          )}
        </View>
      )}

      {isH5() && sharing ? (
        <ShareSheet
          url={productShareUrl(window.location.origin, productId, myShareCode)}
          note={myNote}
          onPoster={
            openPoster
              ? () => {
                  setSharing(false);
                  openPoster();
                }
              : undefined
          }
          onClose={() => setSharing(false)}
        />
      ) : null}
    </View>
  );
}
