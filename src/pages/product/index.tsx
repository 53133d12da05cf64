// Product: what a friend's shared card opens. Photos, price, SKUs, whose recommendation it is, what buyers said, the
// share and poster entries, 客服 (联系客服), and buying: 加入购物车 or 立即购买 of the picked SKU. A visit through
// someone's share is recorded for them. A flash sale (秒杀) shows its band and prices its SKUs while live; a live
// group buy (拼团) turns the buy bar into 单独购买 / 发起拼团 and lists the groups to join.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { LiveGroupBuy } from '../../../cloudfunctions/contracts/campaign';
import type { ProductDetail, Sku } from '../../../cloudfunctions/contracts/shop';
import { commissionApi } from '../../api/commission';
import ContactService from '../../components/ContactService';
import { contactFrom } from '../../components/ContactService/types';
import Gallery from '../../components/Gallery';
import GroupSkuSheet, { openGroupCheckout } from '../../components/GroupSkuSheet';
import PageState from '../../components/PageState';
import ShareSheet from '../../components/ShareSheet';
import { canBuySku, liveFlashSku, useProductDetail } from '../../hooks/useProductDetail';
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
import FlashSaleBar from './FlashSaleBar';
import GroupBuySection from './GroupBuySection';
import Reviews from './Reviews';
import SkuPicker from './SkuPicker';
import { muteSharer } from './mute-sharer';
import TrustBanner from './TrustBanner';
import { groupEnterCloudId } from '../../lib/group-enter';
import { useGroupBuy } from './useGroupBuy';
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
    const c = entry.c ?? 'chat';
    void (c === 'chat' ? groupEnterCloudId() : Promise.resolve(null))
      .then((group) => {
        const visit = { productId: entry.id, s: entry.s as string, c };
        return group ? commissionApi.recordVisit(visit, group) : commissionApi.recordVisit(visit);
      })
      .then((res) => {
        if (res.ok && res.data.binding) useSession.getState().setBinding(res.data.binding);
      })
      .catch(() => undefined);
  }, [entry, productReady, moments, sessionReady, myShareCode]);
}

/** The line as the cart and the checkout show it until the server prices it (at the flash price while live). */
function cartItem(detail: ProductDetail, sku: Sku): CartItem {
  const { product } = detail;
  const flash = liveFlashSku(detail, sku.id);
  const atFlash = !!flash && flash.stockLeft > 0;
  return {
    productId: product.id,
    skuId: sku.id,
    title: product.title,
    spec: sku.spec,
    priceFen: atFlash ? flash.priceFen : sku.priceFen,
    image: product.images[0] ?? '',
    stock: atFlash ? Math.max(sku.stock, flash.stockLeft) : sku.stock,
  };
}

/** The group price the buy bar offers: the picked SKU's when it is in the activity, else the lowest. */
function groupPriceOf(live: LiveGroupBuy, skuId: string | undefined): number {
  const picked = live.groupBuy.skus.find((k) => k.skuId === skuId);
  return picked ? picked.groupPriceFen : Math.min(...live.groupBuy.skus.map((k) => k.groupPriceFen));
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
  const groupBuy = useGroupBuy(entry?.id, !moments);
  // The SKU sheet of 发起拼团 (no groupId) or 去参团 (that group).
  const [groupSheet, setGroupSheet] = useState<{ groupId?: string } | null>(null);
  // Back from a checkout or a group page: the groups may have moved. The first show is the load itself.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void groupBuy.reload();
    shownOnce.current = true;
  });

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

  const detail = page.detail;
  const { trust, reviews } = detail;
  const sku = page.selectedSku;
  const flashSale = detail.flashSale;
  const live = groupBuy.live;

  const addToCart = () => {
    if (!sku) {
      toast('请选择规格');
      return;
    }
    const outcome = useCart.getState().add(cartItem(detail, sku));
    toast(addedMessage(outcome), outcome.kind === 'added' ? 'success' : 'none');
  };

  const buyNow = () => {
    if (!sku) {
      toast('请选择规格');
      return;
    }
    const { stock: _stock, ...line } = cartItem(detail, sku);
    useCheckout.getState().start([{ ...line, qty: 1 }], 'buy_now');
    void Taro.navigateTo({ url: PAGES.checkout });
  };
  // Nothing to pick: say so on the bar instead of asking for a SKU that cannot be picked.
  const unavailable =
    product.status !== 'on_sale' ? '商品已下架' : product.skus.every((k) => !canBuySku(detail, k)) ? '已售罄' : null;

  const startGroup = (groupId?: string) => {
    if (!live) return;
    if (live.canBuy <= 0) toast('已达到这个活动的每人限购数量');
    else if (live.groupBuy.sold >= live.groupBuy.stockCap) toast('拼团商品已抢光');
    else setGroupSheet(groupId ? { groupId } : {});
  };
  const openGroup = (groupId: string) => void Taro.navigateTo({ url: routes.campaignGroup(groupId) });
  // A poster of a product no longer sold would only disappoint whoever scans it.
  const openPoster =
    product.status === 'on_sale' ? () => void Taro.navigateTo({ url: routes.sharePoster(product.id) }) : undefined;
  const openMoments =
    product.status === 'on_sale' ? () => void Taro.navigateTo({ url: routes.shareMoments(product.id) }) : undefined;

  return (
    <View className={moments ? 'product product--moments' : 'product'}>
      <Gallery images={product.images} />
      {flashSale ? (
        <FlashSaleBar
          sale={flashSale}
          skus={product.skus}
          selectedSkuId={sku?.id ?? null}
          onEnd={() => void page.refresh()}
        />
      ) : null}

      <View className="product__card">
        <View className="product__price-row">
          {page.priceFen !== null ? <Text className="product__price">{formatFen(page.priceFen)}</Text> : null}
          {page.priceIsFrom ? <Text className="product__price-from">起</Text> : null}
          <FavoriteButton productId={product.id} favorited={page.detail.favorited} moments={moments} />
        </View>
        <Text className="product__title">{product.title}</Text>
      </View>

      <TrustBanner
        trust={trust}
        onMute={moments || !trust.sharer ? undefined : () => void muteSharer(trust.sharer, page.refresh)}
      />

      {moments ? null : <CouponRow productId={product.id} />}

      {live && !moments ? <GroupBuySection live={live} onJoin={(g) => startGroup(g.id)} onOpen={openGroup} /> : null}

      <View className="product__card">
        <View className="product__section-head">
          <Text className="product__section-title">选择规格</Text>
          {page.selectedSku ? <Text className="product__section-aside">{`已选：${page.selectedSku.spec}`}</Text> : null}
        </View>
        <SkuPicker
          skus={product.skus}
          selectedId={page.selectedSku?.id ?? null}
          onSelect={page.selectSku}
          flash={flashSale?.status === 'live' ? flashSale : undefined}
        />
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
          {!isH5() && openMoments ? (
            <View className="product__share" onClick={openMoments}>
              发圈
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
          ) : live ? (
            <View className="product__buy">
              <View className="product__add product__add--group" hoverClass="product__add--pressed" onClick={buyNow}>
                <Text className="product__buy-price">{page.priceFen !== null ? formatFen(page.priceFen) : ''}</Text>
                <Text className="product__buy-label">单独购买</Text>
              </View>
              <View
                className="product__buy-button product__buy-button--group"
                hoverClass="product__buy-button--pressed"
                onClick={() => startGroup()}
              >
                <Text className="product__buy-price">{formatFen(groupPriceOf(live, sku?.id))}</Text>
                <Text className="product__buy-label">{`发起拼团 · ${live.groupBuy.size}人团`}</Text>
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

      {live && groupSheet ? (
        <GroupSkuSheet
          groupBuy={live.groupBuy}
          initialSkuId={sku?.id}
          soldOut={(skuId) => (product.skus.find((k) => k.id === skuId)?.stock ?? 0) <= 0}
          action={groupSheet.groupId ? '参团' : '发起拼团'}
          onConfirm={(picked) => {
            setGroupSheet(null);
            const shown = { productId: product.id, title: product.title, image: product.images[0] ?? '' };
            openGroupCheckout(shown, picked, live.groupBuy.id, groupSheet.groupId);
          }}
          onClose={() => setGroupSheet(null)}
        />
      ) : null}

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
          onMoments={
            openMoments
              ? () => {
                  setSharing(false);
                  openMoments();
                }
              : undefined
          }
          onClose={() => setSharing(false)}
        />
      ) : null}
    </View>
  );
}
