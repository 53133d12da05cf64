// One order on the owner's desk: who bought what, where it goes, its after-sale cases (each opening its case page,
// where the owner decides it), what happened so far, and exactly the actions the order allows the owner now (its
// `commands`): 发货. Each answer replaces the order shown.
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ErrorBody, Result } from '../../api/client';
import { orderApi } from '../../api/order';
import OwnerAttention from '../../components/OwnerAttention';
import PageState from '../../components/PageState';
import { formatFen } from '../../lib/money';
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS } from '../../lib/order-status';
import { PAGES, routes } from '../../routes';
import type { Order } from '../../../cloudfunctions/contracts/order';
import NotOwner from '../shared/NotOwner';
import { formatTime, refundInFlight, STALE_CODES, STATUS_LABEL, statusHint } from '../shared/order-text';
import { shippingSyncLabel, shippingSyncNeedsAttention } from '../shared/shipping-sync';
import ShipSheet, { type Shipment } from './ShipSheet';
import { useOwnerOrder, type Buyer } from './useOwnerOrder';
import './index.scss';

// Read when rendering (the build replaces it with a constant), so tests can render both builds.
const isH5 = () => process.env.TARO_ENV === 'h5';
/**
 * The refund simulator, h5 only. A ternary on the build constant in a plain (not async) function: webpack drops
 * the require from the weapp bundle (inside an async function Babel's regenerator hides the branch from it).
 */
const loadDevRefund = () =>
  process.env.TARO_ENV === 'h5' ? (require('../../api/dev-refund') as typeof import('../../api/dev-refund')) : null;

type Busy = null | 'ship' | 'devRefund';

function copy(data: string, title: string) {
  Taro.setClipboardData({ data })
    .then(() => Taro.showToast({ title, icon: 'success' }))
    .catch(() => Taro.showToast({ title: '复制失败', icon: 'none' }));
}

export default function OwnerOrderPage() {
  const { params } = useRouter();
  const page = useOwnerOrder(params.id);
  const [busy, setBusy] = useState<Busy>(null);
  const [sheet, setSheet] = useState<null | 'ship'>(null);

  usePullDownRefresh(() => {
    void page.reload().finally(() => Taro.stopPullDownRefresh());
  });

  /** Runs one owner action; on success shows the order it answered with, on a stale order loads it again. */
  const run = async (kind: Exclude<Busy, null>, request: () => Promise<Result<{ order: Order }>>, done: string) => {
    if (busy) return;
    setBusy(kind);
    const res = await request();
    setBusy(null);
    if (res.ok) {
      page.replace(res.data.order);
      setSheet(null);
      void Taro.showToast({ title: done, icon: 'success' });
    } else {
      fail(res.error);
    }
  };

  const fail = (error: ErrorBody) => {
    void Taro.showToast({ title: error.message, icon: 'none' });
    if (STALE_CODES.has(error.code)) {
      setSheet(null);
      void page.reload();
    }
  };

  if (page.status === 'loading') return <PageState kind="loading" />;
  if (page.status === 'not_owner') {
    return <NotOwner />;
  }
  if (page.status === 'not_found') {
    return (
      <PageState
        kind="empty"
        message="订单不存在"
        actionText="返回订单列表"
        onAction={() => void Taro.redirectTo({ url: PAGES.ownerOrders })}
      />
    );
  }
  if (page.status === 'error' || !page.order) {
    return (
      <PageState kind="error" message={page.error?.message} actionText="重新加载" onAction={() => void page.reload()} />
    );
  }

  const order = page.order;
  const orderId = order.id;
  const ship = (s: Shipment) => void run('ship', () => orderApi.ship({ orderId, ...s }), '已发货');
  const devRefund = async () => {
    const outRefundNo = order.refund?.outRefundNo;
    if (busy || !outRefundNo) return;
    const dev = loadDevRefund();
    if (!dev) return;
    setBusy('devRefund');
    const res = await dev.simulateWechatRefund(outRefundNo);
    if (res.ok && (await page.reload())) void Taro.showToast({ title: '退款已到账', icon: 'success' });
    else if (!res.ok) void Taro.showToast({ title: res.error.message, icon: 'none' });
    setBusy(null);
  };

  const can = (c: Order['commands'][number]) => order.commands.includes(c);
  const showDevRefund = isH5() && refundInFlight(order);
  const hasActions = can('ship') || showDevRefund;

  return (
    <View className={hasActions ? 'owner-order owner-order--with-bar' : 'owner-order'}>
      <View className="owner-order__status">
        <Text className="owner-order__status-label">{STATUS_LABEL[order.status]}</Text>
        <Text className="owner-order__status-hint">{statusHint(order)}</Text>
      </View>

      <OwnerAttention attention={order.attention} variant="banner" />
      {page.error ? <View className="owner-order__notice">{`刷新失败：${page.error.message}`}</View> : null}

      <BuyerCard order={order} buyer={page.buyer} />
      {order.refund ? <RefundCard refund={order.refund} /> : null}
      {order.afterSales.length > 0 ? <AfterSalesCard order={order} /> : null}
      {order.shipping ? (
        <View className="owner-order__card">
          <Text className="owner-order__card-title">物流信息</Text>
          <View className="owner-order__kv">
            <Text className="owner-order__k">快递公司</Text>
            <Text className="owner-order__v">{order.shipping.carrier}</Text>
          </View>
          <View className="owner-order__kv">
            <Text className="owner-order__k">运单号</Text>
            <Text className="owner-order__v">{order.shipping.trackingNo}</Text>
            <Text className="owner-order__copy" onClick={() => copy(order.shipping!.trackingNo, '运单号已复制')}>
              复制
            </Text>
          </View>
          {order.shippingSync ? (
            <View className="owner-order__kv">
              <Text className="owner-order__k">微信发货信息</Text>
              <Text
                className={
                  shippingSyncNeedsAttention(order.shippingSync)
                    ? 'owner-order__v owner-order__v--warn'
                    : 'owner-order__v'
                }
              >
                {shippingSyncLabel(order.shippingSync)}
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="owner-order__card">
        <Text className="owner-order__card-title">商品</Text>
        {order.items.map((line) => (
          <View key={`${line.productId}:${line.skuId}`} className="owner-order__line">
            <Image className="owner-order__line-image" src={line.image} mode="aspectFill" />
            <View className="owner-order__line-body">
              <Text className="owner-order__line-title">{line.title}</Text>
              <Text className="owner-order__line-spec">{line.offSale ? `${line.spec} · 已下架` : line.spec}</Text>
              <View className="owner-order__line-foot">
                <Text className="owner-order__line-price">{`${formatFen(line.priceFen)} ×${line.qty}`}</Text>
                <Text className="owner-order__line-sum">{formatFen(line.lineFen)}</Text>
              </View>
            </View>
          </View>
        ))}
        <Field label="商品金额" value={formatFen(order.amounts.goodsFen)} />
        {order.amounts.couponFen > 0 ? (
          <Field
            label={order.coupon ? `优惠券（${order.coupon.name}）` : '优惠券'}
            value={`-${formatFen(order.amounts.couponFen)}`}
          />
        ) : null}
        {order.amounts.pointsUsed > 0 ? (
          <Field
            label={`积分抵扣（${order.amounts.pointsUsed} 积分）`}
            value={`-${formatFen(order.amounts.pointsDiscountFen)}`}
          />
        ) : null}
        <Field label="运费" value={order.amounts.shippingFen > 0 ? formatFen(order.amounts.shippingFen) : '包邮'} />
        <View className="owner-order__payable">
          <Text className="owner-order__k">实付</Text>
          <Text className="owner-order__payable-value">{formatFen(order.amounts.payableFen)}</Text>
        </View>
      </View>

      <View className="owner-order__card">
        <Text className="owner-order__card-title">订单信息</Text>
        <View className="owner-order__kv">
          <Text className="owner-order__k">订单号</Text>
          <Text className="owner-order__v owner-order__mono">{order.id}</Text>
          <Text className="owner-order__copy" onClick={() => copy(order.id, '订单号已复制')}>
            复制
          </Text>
        </View>
        {order.sharerCode ? <Field label="推荐人" value={order.sharerCode} /> : null}
        {order.timeline.length > 0 ? (
          <View className="owner-order__timeline">
            {order.timeline.map((event, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only; events have no id
              <View key={`${event.at}:${i}`} className="owner-order__event">
                <View
                  className={
                    i === order.timeline.length - 1 ? 'owner-order__dot owner-order__dot--last' : 'owner-order__dot'
                  }
                />
                <View className="owner-order__event-body">
                  <View className="owner-order__event-head">
                    <Text className="owner-order__event-label">{event.label}</Text>
                    <Text className="owner-order__event-time">{formatTime(event.at)}</Text>
                  </View>
                  {event.detail ? <Text className="owner-order__event-detail">{event.detail}</Text> : null}
                </View>
              </View>
            ))}
          </View>
        ) : (
          <Field label="下单时间" value={formatTime(order.createdAt)} />
        )}
      </View>

      {hasActions ? (
        <View className="owner-order__bar">
          {showDevRefund ? (
            <ActionButton
              kind="dev"
              busy={busy === 'devRefund'}
              disabled={busy !== null}
              onClick={() => void devRefund()}
              text="模拟微信退款到账"
            />
          ) : null}
          {can('ship') ? (
            <ActionButton
              kind="primary"
              busy={busy === 'ship'}
              disabled={busy !== null}
              onClick={() => setSheet('ship')}
              text="发货"
            />
          ) : null}
        </View>
      ) : null}

      {sheet === 'ship' && can('ship') ? (
        <ShipSheet busy={busy === 'ship'} onSubmit={ship} onClose={() => setSheet(null)} />
      ) : null}
    </View>
  );
}

function BuyerCard({ order, buyer }: { order: Order; buyer: Buyer }) {
  const { address } = order;
  return (
    <View className="owner-order__card">
      <View className="owner-order__card-head">
        <Text className="owner-order__card-title">收货信息</Text>
        <Text className="owner-order__buyer">{`买家：${buyer?.nickname ?? '未知'}`}</Text>
      </View>
      <View className="owner-order__address-row">
        <Text className="owner-order__address-name">{address.name}</Text>
        <Text className="owner-order__address-phone">{address.phone}</Text>
        <Text className="owner-order__copy" onClick={() => copy(address.phone, '手机号已复制')}>
          复制手机号
        </Text>
      </View>
      <Text className="owner-order__address">{`${address.region} ${address.detail}`}</Text>
      <Text
        className="owner-order__copy owner-order__copy--block"
        onClick={() => copy(`${address.name} ${address.phone} ${address.region} ${address.detail}`, '地址已复制')}
      >
        复制完整地址
      </Text>
      {order.note ? <Text className="owner-order__note">{`买家留言：${order.note}`}</Text> : null}
    </View>
  );
}

/** The order's after-sale cases, newest first, with what was refunded so far; a case opens its page. */
function AfterSalesCard({ order }: { order: Order }) {
  return (
    <View className="owner-order__card">
      <Text className="owner-order__card-title">售后</Text>
      {order.afterSales.map((c) => (
        <View
          key={c.id}
          className="owner-order__kv owner-order__case"
          onClick={() => void Taro.navigateTo({ url: routes.ownerAfterSale(c.id) })}
        >
          <Text className="owner-order__k">{AFTER_SALE_TYPE_LABELS[c.type]}</Text>
          <Text className="owner-order__v">
            {`${formatFen(c.refundFen)} · ${AFTER_SALE_STATUS_LABELS[c.status]} ›`}
          </Text>
        </View>
      ))}
      {order.refundedFen > 0 ? <Field label="已退款" value={formatFen(order.refundedFen)} /> : null}
    </View>
  );
}

/** A refund the shop made by itself: a payment that arrived after the order was cancelled. */
function RefundCard({ refund }: { refund: NonNullable<Order['refund']> }) {
  return (
    <View className="owner-order__card owner-order__refund">
      <Text className="owner-order__card-title">退款</Text>
      <Field label="退款金额" value={formatFen(refund.refundFen)} />
      <Field label="退款原因" value={refund.reason} />
      <Field label="申请时间" value={formatTime(refund.requestedAt)} />
      {refund.approvedAt ? <Field label="同意时间" value={formatTime(refund.approvedAt)} /> : null}
      {refund.outRefundNo ? <Field label="退款单号" value={refund.outRefundNo} /> : null}
      {refund.refundedAt ? <Field label="到账时间" value={formatTime(refund.refundedAt)} /> : null}
      {refund.rejectedAt ? <Field label="拒绝时间" value={formatTime(refund.rejectedAt)} /> : null}
      {refund.rejectReason ? <Field label="拒绝原因" value={refund.rejectReason} /> : null}
    </View>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className="owner-order__kv">
      <Text className="owner-order__k">{label}</Text>
      <Text className="owner-order__v">{value}</Text>
    </View>
  );
}

interface ActionButtonProps {
  kind: 'primary' | 'plain' | 'dev';
  text: string;
  /** This button's request is running. */
  busy: boolean;
  /** Some request is running: no second one. */
  disabled: boolean;
  onClick: () => void;
}

function ActionButton({ kind, text, busy, disabled, onClick }: ActionButtonProps) {
  return (
    <View
      className={`owner-order__action owner-order__action--${kind}${disabled ? ' owner-order__action--disabled' : ''}`}
      aria-disabled={disabled}
      onClick={disabled ? undefined : onClick}
    >
      {busy ? '处理中…' : text}
    </View>
  );
}
