// Checkout: where the order goes, what is in it, what the server says it costs (with the best usable coupon, which
// the buyer may change or drop, and 积分抵扣 if the buyer turns it on), then 提交订单 → create → pay → the order's
// page. The lines come from the checkout draft (the cart's selection or one 立即购买 line). With `groupBuyId` (and
// `groupId` to join a group) it is the checkout of a group order (拼团): its group goes to quote and create, and no
// coupon applies.
import { useEffect, useRef, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import AddressForm from '../../components/AddressForm';
import { fromWechatAddress, validateAddress } from '../../components/AddressForm/validate';
import PageState from '../../components/PageState';
import { askNotify, usePayment } from '../../components/PaySheet/usePayment';
import { CAMPAIGN_PRICE_TAGS } from '../../lib/campaign';
import { formatFen } from '../../lib/money';
import { useCart } from '../../stores/cart';
import { useCheckout, type CheckoutLine } from '../../stores/checkout';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import { GROUP_ID_PATTERN, ORDER_NOTE_MAX, SHORT_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { Address, OrderLine } from '../../../cloudfunctions/contracts/order';
import { PAGES, routes } from '../../routes';
import CouponRow from './CouponRow';
import CouponSheet from './CouponSheet';
import { explainCampaignRefusal, isCampaignRefusal, type GroupRefusalContext } from './group-refusal';
import PointsRow from './PointsRow';
import {
  isCouponRefusal,
  isPointsRefusal,
  useCheckoutOrder,
  type CheckoutOrder,
  type GroupChoice,
} from './useCheckoutOrder';
import './index.scss';

const isH5 = () => process.env.TARO_ENV === 'h5';
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** The group of the page's query: none, one of the shapes create accepts, or a link that is not one. */
function groupOf(params: Partial<Record<string, string>>): GroupChoice | null | 'invalid' {
  const { groupBuyId, groupId } = params;
  if (!groupBuyId && !groupId) return null;
  if (!groupBuyId || !SHORT_ID_PATTERN.test(groupBuyId)) return 'invalid';
  if (groupId === undefined || groupId === '') return { groupBuyId };
  return GROUP_ID_PATTERN.test(groupId) ? { groupBuyId, groupId } : 'invalid';
}

export default function CheckoutPage() {
  const { params } = useRouter();
  const [group, setGroup] = useState(() => groupOf(params));
  const draft = useCheckout((s) => s.draft);
  const remembered = useCheckout((s) => s.address);
  const [address, setAddress] = useState<Address | null>(remembered);
  // h5 has no address book: with nothing remembered, the form is open from the start.
  const [editing, setEditing] = useState(() => isH5() && !remembered);
  const [formInitial, setFormInitial] = useState<Address | null>(remembered);
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [choosingCoupon, setChoosingCoupon] = useState(false);
  // A ref as well as state: a second tap can arrive before React re-renders with `submitting`.
  const busy = useRef(false);
  const validGroup = group === 'invalid' ? null : group;
  const checkout = useCheckoutOrder(group === 'invalid' ? null : draft, validGroup);
  const payment = usePayment();

  const refusalContext: GroupRefusalContext = {
    group: validGroup,
    productId: draft?.lines[0]?.productId ?? '',
    switchGroup: (next) => {
      // Another group is another order: a new requestId (the refused attempt placed nothing).
      useCheckout.getState().renewRequestId();
      setGroup(next);
    },
    requote: () => void checkout.requote(),
  };
  const latestContext = useRef(refusalContext);
  latestContext.current = refusalContext;
  // A group that filled up or ended before the order was priced: said, with what the buyer can do instead. (The
  // activity's own refusals stay in the quote's error line with 重新计算: pricing again here would only loop.)
  const quoteRefusal = checkout.quoteError;
  useEffect(() => {
    if (quoteRefusal?.code.startsWith('group.') && latestContext.current.group) {
      const context = { ...latestContext.current, requote: () => undefined };
      void explainCampaignRefusal(quoteRefusal.code, quoteRefusal.message, context);
    }
  }, [quoteRefusal]);

  if (group === 'invalid') {
    return (
      <PageState kind="empty" message="拼团链接有误" actionText="返回" onAction={() => void Taro.navigateBack()} />
    );
  }
  if (!draft || draft.lines.length === 0) {
    return (
      <PageState
        kind="empty"
        message="没有待结算的商品"
        actionText="去购物车"
        onAction={() => void Taro.switchTab({ url: PAGES.cart })}
      />
    );
  }

  const saveAddress = (next: Address) => {
    setAddress(next);
    setEditing(false);
    useCheckout.getState().rememberAddress(next);
  };

  const editAddress = () => {
    setFormInitial(address);
    setEditing(true);
  };

  const chooseWechatAddress = async () => {
    try {
      const picked = fromWechatAddress(await Taro.chooseAddress());
      const check = validateAddress(picked);
      if (check.ok) {
        saveAddress(check.address);
      } else {
        // e.g. a landline: let the buyer fix it rather than fail at 提交订单.
        setFormInitial(picked);
        setEditing(true);
        toast('请补全收货信息');
      }
    } catch (err) {
      const message = (err as { errMsg?: string } | undefined)?.errMsg ?? '';
      if (/cancel/.test(message)) return;
      toast('无法读取微信地址，请手动填写');
      editAddress();
    }
  };

  const submit = async () => {
    if (busy.current) return;
    if (!address || editing) {
      toast(editing ? '请先保存收货地址' : '请先选择收货地址');
      return;
    }
    if (checkout.quoteStatus !== 'ready') {
      toast(checkout.quoteStatus === 'loading' ? '正在计算价格，请稍候' : '价格计算失败，请重新计算');
      return;
    }
    busy.current = true;
    setSubmitting(true);
    // weapp: the subscribe dialog needs the tap, so it comes before any request.
    const notify = isH5() ? undefined : await askNotify();
    const res = await checkout.place(address, note);
    if (!res.ok) {
      busy.current = false;
      setSubmitting(false);
      if (isCampaignRefusal(res.error.code)) {
        await explainCampaignRefusal(res.error.code, res.error.message, refusalContext);
      } else {
        await explainFailure(res.error.code, res.error.message, checkout);
      }
      return;
    }
    const { order } = res.data;
    if (draft.source === 'cart') useCart.getState().removeOrdered(draft.lines);
    const outcome = await payment.pay(order.id, notify);
    const url = routes.order(order.id, { paid: outcome === 'paid' });
    // The draft (and its requestId) ends with the order; cleared once this page is gone so it never renders empty.
    void Taro.redirectTo({ url }).finally(() => useCheckout.getState().clear());
  };

  const quote = checkout.quote;
  const lines: Array<CheckoutLine | OrderLine> = quote ? quote.items : draft.lines;
  // Until the quote says how each line is priced, a group order's line is at the group price.
  const tagOf = (line: CheckoutLine | OrderLine) => {
    const campaign = 'lineFen' in line ? line.campaign : validGroup ? 'group_buy' : undefined;
    return campaign ? CAMPAIGN_PRICE_TAGS[campaign] : null;
  };

  return (
    <View className="checkout">
      <View className="checkout__card">
        <Text className="checkout__section-title">收货地址</Text>
        {editing ? (
          <AddressForm
            initial={formInitial}
            onSave={saveAddress}
            onCancel={address ? () => setEditing(false) : undefined}
          />
        ) : address ? (
          <View className="checkout__address" onClick={isH5() ? editAddress : () => void chooseWechatAddress()}>
            <View className="checkout__address-main">
              <View className="checkout__address-who">
                <Text className="checkout__address-name">{address.name}</Text>
                <Text>{address.phone}</Text>
              </View>
              <Text className="checkout__address-where">{`${address.region} ${address.detail}`}</Text>
            </View>
            <Text className="checkout__address-change">修改</Text>
          </View>
        ) : (
          <View className="checkout__address-pick">
            <View className="checkout__address-wechat" onClick={() => void chooseWechatAddress()}>
              选择微信收货地址
            </View>
            <Text className="checkout__address-manual" onClick={editAddress}>
              手动填写
            </Text>
          </View>
        )}
        {!editing && address && !isH5() ? (
          <Text className="checkout__address-manual checkout__address-manual--inline" onClick={editAddress}>
            手动修改
          </Text>
        ) : null}
      </View>

      <View className="checkout__card">
        <Text className="checkout__section-title">{`商品（${lines.length}）`}</Text>
        {lines.map((line) => (
          <View key={`${line.productId}:${line.skuId}`} className="checkout__line">
            <Image className="checkout__image" src={line.image} mode="aspectFill" />
            <View className="checkout__line-body">
              <Text className="checkout__line-title">{line.title}</Text>
              <Text className="checkout__line-spec">{line.spec}</Text>
              <View className="checkout__line-foot">
                <View className="checkout__line-prices">
                  {tagOf(line) ? <Text className="checkout__line-tag">{tagOf(line)}</Text> : null}
                  <Text className="checkout__line-price">{formatFen(line.priceFen)}</Text>
                </View>
                <Text className="checkout__line-qty">{`×${line.qty}`}</Text>
              </View>
            </View>
          </View>
        ))}
      </View>

      <View className="checkout__card">
        {checkout.quoteStatus === 'loading' ? <Text className="checkout__quote-note">正在计算价格…</Text> : null}
        {checkout.quoteStatus === 'error' ? (
          <View className="checkout__quote-error">
            <Text>{checkout.quoteError?.message ?? '价格计算失败'}</Text>
            <Text className="checkout__quote-retry" onClick={() => void checkout.requote()}>
              重新计算
            </Text>
          </View>
        ) : null}
        {quote ? (
          <>
            <AmountRow label="商品金额" value={formatFen(quote.amounts.goodsFen)} />
            <AmountRow
              label="运费"
              hint={quote.freeShippingFromFen > 0 ? `满${formatFen(quote.freeShippingFromFen)}免运费` : undefined}
              value={quote.amounts.shippingFen === 0 ? '免运费' : formatFen(quote.amounts.shippingFen)}
            />
            {validGroup ? null : (
              <CouponRow
                coupons={quote.coupons}
                amounts={quote.amounts}
                busy={checkout.quoteStatus === 'loading' || submitting}
                notice={checkout.couponNotice}
                onOpen={() => setChoosingCoupon(true)}
              />
            )}
            <PointsRow
              offer={quote.points}
              amounts={quote.amounts}
              on={checkout.pointsToUse > 0}
              busy={checkout.quoteStatus === 'loading' || submitting}
              notice={checkout.pointsNotice}
              onToggle={(on) => void checkout.setPointsOn(on)}
            />
            <AmountRow label="实付" value={formatFen(quote.amounts.payableFen)} strong />
          </>
        ) : null}
      </View>

      <View className="checkout__card checkout__note">
        <Text className="checkout__note-label">订单备注</Text>
        <Input
          className="checkout__note-input"
          placeholder="选填，给店主留言"
          placeholderClass="checkout__placeholder"
          maxlength={ORDER_NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>

      <View className="checkout__bar">
        <View className="checkout__total">
          <Text className="checkout__total-label">实付</Text>
          <Text className="checkout__total-value">{quote ? formatFen(quote.amounts.payableFen) : '--'}</Text>
        </View>
        <View
          className={
            submitting || checkout.quoteStatus !== 'ready'
              ? 'checkout__submit checkout__submit--disabled'
              : 'checkout__submit'
          }
          aria-disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '提交中…' : '提交订单'}
        </View>
      </View>

      {choosingCoupon && quote ? (
        <CouponSheet
          coupons={quote.coupons}
          onChoose={(id) => {
            setChoosingCoupon(false);
            if (id !== quote.coupons.applied) void checkout.chooseCoupon(id);
          }}
          onClose={() => setChoosingCoupon(false)}
        />
      ) : null}

      {payment.sheet}
    </View>
  );
}

function AmountRow({ label, value, hint, strong }: { label: string; value: string; hint?: string; strong?: boolean }) {
  return (
    <View className={strong ? 'checkout__amount checkout__amount--strong' : 'checkout__amount'}>
      <Text className="checkout__amount-label">{label}</Text>
      {hint ? <Text className="checkout__amount-hint">{hint}</Text> : null}
      <Text className="checkout__amount-value">{value}</Text>
    </View>
  );
}

/** Tells the buyer why the order was not placed, and what happens next. */
async function explainFailure(code: ErrorCode, message: string, checkout: CheckoutOrder): Promise<void> {
  if (code === 'order.stock_insufficient' || code === 'order.sku_unavailable') {
    await Taro.showModal({ title: '下单失败', content: message, showCancel: false, confirmText: '知道了' });
    void checkout.requote();
    return;
  }
  if (isPointsRefusal(code)) {
    // The points moved since the quote (spent by another order, the rules changed): the buyer sees the new
    // payable before placing the order again.
    void checkout.dropPoints(message);
    await Taro.showModal({
      title: '积分抵扣失败',
      content: `${message}。已取消积分抵扣，请确认实付金额后重新提交。`,
      showCancel: false,
      confirmText: '知道了',
    });
    return;
  }
  if (isCouponRefusal(code)) {
    // The coupon was used by another order, expired or was stopped since the quote: the buyer sees the new payable.
    void checkout.dropCoupon(message);
    await Taro.showModal({
      title: '优惠券不可用',
      content: `${message}。已重新选择优惠券，请确认实付金额后重新提交。`,
      showCancel: false,
      confirmText: '知道了',
    });
    return;
  }
  if (code === 'order.request_conflict') {
    // The first attempt may have gone through: look before placing another order.
    const { confirm } = await Taro.showModal({
      title: '订单可能已提交',
      content: `${message}。可以先去「我的订单」看看是否已下单。`,
      confirmText: '查看订单',
      cancelText: '重新下单',
    });
    if (confirm) void Taro.redirectTo({ url: routes.orders('pending_payment') });
    else useCheckout.getState().renewRequestId();
    return;
  }
  toast(message);
}
