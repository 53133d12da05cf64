// One order, for its buyer: where it stands (with the time left to pay), where it goes, what is in it, what it cost
// and what was refunded, the parcel, its after-sale cases, what happened when, 联系客服, and the buttons the order
// function says the buyer may press now (申请售后 opens the after-sale form), and 再来一单 on a finished order. An
// order of a group (拼团) leads to its group: 邀请好友 while it waits to form (待成团), 查看拼团 after.
import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import ContactService from '../../components/ContactService';
import { contactFrom } from '../../components/ContactService/types';
import PageState from '../../components/PageState';
import { usePayment } from '../../components/PaySheet/usePayment';
import { CAMPAIGN_PRICE_TAGS } from '../../lib/campaign';
import { formatFen } from '../../lib/money';
import {
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_TYPE_LABELS,
  BUYER_COMMAND_LABELS,
  buyerCommands,
  ORDER_STATUS_HINTS,
  ORDER_STATUS_LABELS,
  type BuyerCommand,
} from '../../lib/order-status';
import { PAGES, routes } from '../../routes';
import { formatTime } from '../../lib/time';
import type { AfterSaleSummary, Order } from '../../../cloudfunctions/contracts/order';
import { BUY_AGAIN_STATUSES, buyAgain } from './buy-again';
import PayCountdown from './PayCountdown';
import { useOrderDetail } from './useOrderDetail';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

function copy(data: string, what: string) {
  Taro.setClipboardData({ data })
    .then(() => toast(`${what}已复制`))
    .catch(() => toast('复制失败'));
}

export default function OrderPage() {
  const { params } = useRouter();
  const detail = useOrderDetail(params.id, params.paid === '1');
  // Back from the review form, the after-sale form or a case (or anywhere): the order may have moved on.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void detail.reload();
    shownOnce.current = true;
  });
  const payment = usePayment();
  const [running, setRunning] = useState<BuyerCommand | 'buyAgain' | null>(null);

  if (detail.status === 'loading') return <PageState kind="loading" />;
  if (detail.status === 'not_found') {
    return (
      <PageState
        kind="empty"
        message="订单不存在"
        actionText="查看我的订单"
        onAction={() => void Taro.redirectTo({ url: PAGES.orders })}
      />
    );
  }
  if (detail.status === 'error' || !detail.order) {
    return (
      <PageState
        kind="error"
        message={detail.error?.message}
        actionText="重新加载"
        onAction={() => void detail.reload()}
      />
    );
  }
  const order = detail.order;

  /** Runs one command at a time; the buttons are disabled meanwhile. */
  const run = async (command: BuyerCommand | 'buyAgain', job: () => Promise<void>) => {
    if (running) return;
    setRunning(command);
    try {
      await job();
    } finally {
      setRunning(null);
    }
  };

  const onPay = () =>
    run('pay', async () => {
      const outcome = await payment.pay(order.id);
      if (outcome === 'paid') {
        await detail.reloadAfterPay();
        toast('支付成功', 'success');
      }
    });

  const onCancel = () =>
    run('cancel', async () => {
      const { confirm } = await Taro.showModal({
        title: '取消订单',
        content: '确定取消这笔订单吗？',
        confirmText: '取消订单',
        cancelText: '再想想',
      });
      if (!confirm) return;
      const res = await detail.cancel();
      toast(res.ok ? '订单已取消' : res.error.message);
    });

  const onConfirmReceipt = () =>
    run('confirmReceipt', async () => {
      const { confirm } = await Taro.showModal({
        title: '确认收货',
        content: '请确认已收到商品，确认后交易完成。',
        confirmText: '确认收货',
        cancelText: '还没收到',
      });
      if (!confirm) return;
      const res = await detail.confirmReceipt();
      toast(res.ok ? '已确认收货' : res.error.message);
    });

  const handlers: Record<BuyerCommand, () => void> = {
    pay: () => void onPay(),
    cancel: () => void onCancel(),
    confirmReceipt: () => void onConfirmReceipt(),
    applyAfterSale: () => void Taro.navigateTo({ url: routes.memberAfterSaleApply(order.id) }),
  };
  const commands = buyerCommands(order.commands);
  const canBuyAgain = BUY_AGAIN_STATUSES.includes(order.status);

  return (
    <View className="order order--with-bar">
      <StatusHeader order={order} onPayExpired={() => void detail.reload()} />

      <View className="order__card order__address">
        <View className="order__address-who">
          <Text className="order__address-name">{order.address.name}</Text>
          <Text>{order.address.phone}</Text>
        </View>
        <Text className="order__address-where">{`${order.address.region} ${order.address.detail}`}</Text>
      </View>

      {order.shipping ? (
        <View className="order__card">
          <Text className="order__card-title">物流信息</Text>
          <View className="order__row">
            <Text className="order__row-label">快递公司</Text>
            <Text className="order__row-value">{order.shipping.carrier}</Text>
          </View>
          <View className="order__row">
            <Text className="order__row-label">快递单号</Text>
            <Text className="order__row-value">{order.shipping.trackingNo}</Text>
            <Text className="order__copy" onClick={() => copy(order.shipping!.trackingNo, '快递单号')}>
              复制
            </Text>
          </View>
        </View>
      ) : null}

      {order.group ? <GroupLink order={order} group={order.group} /> : null}
      {order.refund ? <RefundInfo refund={order.refund} /> : null}
      {order.afterSales.length > 0 ? <AfterSales cases={order.afterSales} /> : null}

      <View className="order__card">
        {order.items.map((line) => (
          <View
            key={`${line.productId}:${line.skuId}`}
            className="order__line"
            onClick={() => void Taro.navigateTo({ url: routes.product(line.productId) })}
          >
            <Image className="order__image" src={line.image} mode="aspectFill" />
            <View className="order__line-body">
              <Text className="order__line-title">{line.title}</Text>
              <Text className="order__line-spec">{line.offSale ? `${line.spec} · 已下架` : line.spec}</Text>
              <View className="order__line-foot">
                <View className="order__line-prices">
                  {line.campaign ? <Text className="order__line-tag">{CAMPAIGN_PRICE_TAGS[line.campaign]}</Text> : null}
                  <Text className="order__line-price">{formatFen(line.priceFen)}</Text>
                </View>
                <Text className="order__line-qty">{`×${line.qty}`}</Text>
              </View>
              {order.reviewedSkus ? (
                <ReviewEntry
                  orderId={order.id}
                  skuId={line.skuId}
                  reviewed={order.reviewedSkus.includes(line.skuId)}
                  canReview={order.status === 'completed'}
                />
              ) : null}
            </View>
          </View>
        ))}
        <View className="order__amounts">
          <Row label="商品金额" value={formatFen(order.amounts.goodsFen)} />
          <Row label="运费" value={order.amounts.shippingFen === 0 ? '免运费' : formatFen(order.amounts.shippingFen)} />
          {order.amounts.couponFen > 0 ? (
            <Row label={couponLabel(order)} value={`-${formatFen(order.amounts.couponFen)}`} />
          ) : null}
          {order.amounts.pointsUsed > 0 ? (
            <Row
              label={`积分抵扣（${order.amounts.pointsUsed} 积分）`}
              value={`-${formatFen(order.amounts.pointsDiscountFen)}`}
            />
          ) : null}
          <View className="order__row order__row--strong">
            <Text className="order__row-label">实付</Text>
            <Text className="order__row-value order__payable">{formatFen(order.amounts.payableFen)}</Text>
          </View>
          {order.refundedFen > 0 ? <Row label="已退款" value={formatFen(order.refundedFen)} /> : null}
        </View>
      </View>

      <View className="order__card">
        <Text className="order__card-title">订单信息</Text>
        <View className="order__row">
          <Text className="order__row-label">订单编号</Text>
          <Text className="order__row-value">{order.id}</Text>
          <Text className="order__copy" onClick={() => copy(order.id, '订单编号')}>
            复制
          </Text>
        </View>
        <Row label="下单时间" value={formatTime(order.createdAt)} />
        {order.paidAt ? <Row label="付款时间" value={formatTime(order.paidAt)} /> : null}
        {order.note ? <Row label="订单备注" value={order.note} /> : null}
      </View>

      {order.timeline.length > 0 ? (
        <View className="order__card">
          <Text className="order__card-title">订单动态</Text>
          <View className="timeline">
            {[...order.timeline].reverse().map((event, i) => (
              <View
                // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only; events have no id
                key={`${i}:${event.at}`}
                className={i === 0 ? 'timeline__item timeline__item--latest' : 'timeline__item'}
              >
                <View className="timeline__dot" />
                <View className="timeline__body">
                  <Text className="timeline__label">{event.label}</Text>
                  {event.detail ? <Text className="timeline__detail">{event.detail}</Text> : null}
                  <Text className="timeline__time">{formatTime(event.at)}</Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className="order__bar">
        <ContactService className="order__contact" sessionFrom={contactFrom.order(order.id)} />
        {commands.map((command) => (
          <View
            key={command}
            className={[
              'order__action',
              command === 'pay' || command === 'confirmReceipt' ? 'order__action--primary' : '',
              running ? 'order__action--busy' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-disabled={!!running}
            onClick={running ? undefined : handlers[command]}
          >
            {running === command ? '处理中…' : BUYER_COMMAND_LABELS[command]}
          </View>
        ))}
        {canBuyAgain ? (
          <View
            className={
              running
                ? 'order__action order__action--primary order__action--busy'
                : 'order__action order__action--primary'
            }
            aria-disabled={!!running}
            onClick={running ? undefined : () => void run('buyAgain', () => buyAgain(order.id))}
          >
            {running === 'buyAgain' ? '处理中…' : '再来一单'}
          </View>
        ) : null}
      </View>
      {payment.sheet}
    </View>
  );
}

function StatusHeader({ order, onPayExpired }: { order: Order; onPayExpired: () => void }) {
  let hint = <Text className="order__hint">{ORDER_STATUS_HINTS[order.status]}</Text>;
  if (order.status === 'pending_payment') hint = <PayCountdown payBefore={order.payBefore} onExpire={onPayExpired} />;
  else if (order.status === 'shipped' && order.autoConfirmAt) {
    hint = <Text className="order__hint">{`商品已发出，${formatTime(order.autoConfirmAt)} 将自动确认收货`}</Text>;
  } else if (order.status === 'refunded' && (order.refundedFen > 0 || order.refund)) {
    const fen = order.refundedFen > 0 ? order.refundedFen : (order.refund?.refundFen ?? 0);
    hint = <Text className="order__hint">{`已退款 ${formatFen(fen)}，将原路退回`}</Text>;
  }
  return (
    <View className="order__header">
      <Text className="order__status">{ORDER_STATUS_LABELS[order.status]}</Text>
      {hint}
    </View>
  );
}

/** The group of a group order: 邀请好友 while it waits for friends (待成团), 查看拼团 otherwise. */
function GroupLink({ order, group }: { order: Order; group: NonNullable<Order['group']> }) {
  const waiting = order.status === 'grouping';
  return (
    <View
      className="order__card order__group"
      onClick={() => void Taro.navigateTo({ url: routes.campaignGroup(group.groupId) })}
    >
      <View className="order__group-body">
        <Text className="order__card-title">拼团订单</Text>
        <Text className="order__group-hint">
          {waiting ? '邀请好友参团，满员后店主发货；到时未成团将全额退款' : '查看这个团的成员与结果'}
        </Text>
      </View>
      <Text className={waiting ? 'order__group-action order__group-action--primary' : 'order__group-action'}>
        {waiting ? '邀请好友' : '查看拼团'}
      </Text>
    </View>
  );
}

/** The order's after-sale cases, newest first, each opening its case page. */
function AfterSales({ cases }: { cases: AfterSaleSummary[] }) {
  return (
    <View className="order__card">
      <Text className="order__card-title">售后记录</Text>
      {cases.map((c) => (
        <View
          key={c.id}
          className="order__case"
          onClick={() => void Taro.navigateTo({ url: routes.memberAfterSale(c.id) })}
        >
          <Text className="order__case-type">{`${AFTER_SALE_TYPE_LABELS[c.type]} ${formatFen(c.refundFen)}`}</Text>
          <Text className="order__case-status">{AFTER_SALE_STATUS_LABELS[c.status]}</Text>
          <Text className="order__case-more">›</Text>
        </View>
      ))}
    </View>
  );
}

/** A refund the shop made by itself (a payment that came after the order was cancelled). */
function RefundInfo({ refund }: { refund: NonNullable<Order['refund']> }) {
  let state = '等待店主处理';
  if (refund.refundedAt) state = `已退款（${formatTime(refund.refundedAt)}）`;
  else if (refund.rejectedAt) state = '店主未同意退款';
  else if (refund.approvedAt) state = '店主已同意，退款处理中';
  return (
    <View className="order__card">
      <Text className="order__card-title">退款信息</Text>
      <Row label="退款状态" value={state} />
      <Row label="退款原因" value={refund.reason} />
      <Row label="申请时间" value={formatTime(refund.requestedAt)} />
      {refund.refundFen > 0 ? <Row label="退款金额" value={formatFen(refund.refundFen)} /> : null}
      {refund.rejectReason ? <Row label="未同意原因" value={refund.rejectReason} /> : null}
    </View>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="order__row">
      <Text className="order__row-label">{label}</Text>
      <Text className="order__row-value">{value}</Text>
    </View>
  );
}

/**
 * A line of a completed order: 评价 opens the review form (a line is reviewed once); 已评价, there or on a refunded
 * order, opens the buyer's own review (marked there when the refund took it out of public view).
 */
function ReviewEntry(props: { orderId: string; skuId: string; reviewed: boolean; canReview: boolean }) {
  const { orderId, skuId, reviewed, canReview } = props;
  if (!reviewed && !canReview) return null;
  return (
    <Text
      className={reviewed ? 'order__reviewed' : 'order__review'}
      onClick={(e) => {
        e.stopPropagation();
        void Taro.navigateTo({ url: routes.memberReview(orderId, skuId) });
      }}
    >
      {reviewed ? '已评价' : '评价'}
    </Text>
  );
}

/** 优惠券（店庆满减）: the coupon the order spent, by the name it had. */
function couponLabel(order: Order): string {
  return order.coupon ? `优惠券（${order.coupon.name}）` : '优惠券';
}
