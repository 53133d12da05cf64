// 申请售后: the buyer of an order picks 仅退款 or 退货退款 (a return only once the goods shipped, as the quote says), the
// units of each line (no more than are left to ask for), the amount (prefilled with, and bounded by, the most the
// order function says these units may get back, asked again whenever the units change), a reason from the list,
// words and up to six photos. Confirmed before it is sent, then the case opens in its place.
import { useEffect, useRef, useState } from 'react';
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Result } from '../../api/client';
import { orderApi } from '../../api/order';
import PageState from '../../components/PageState';
import { usePhotoUploads } from '../../hooks/usePhotoUploads';
import { fenToYuanText, formatFen } from '../../lib/money';
import { AFTER_SALE_TYPE_LABELS } from '../../lib/order-status';
import { routes } from '../../routes';
import {
  AFTER_SALE_DESCRIPTION_MAX,
  AFTER_SALE_PHOTOS_MAX,
  AFTER_SALE_REASONS,
  MEMBER_UPLOAD_FOLDERS,
  ORDER_ID_PATTERN,
} from '../../../cloudfunctions/contracts/limits';
import type { AfterSaleQuote, AfterSaleType, Order } from '../../../cloudfunctions/contracts/order';
import EvidencePhotos from '../shared/EvidencePhotos';
import { checkApplication } from './form';
import './index.scss';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; order: Order };

const linesOf = (qty: Record<string, number>) =>
  Object.entries(qty)
    .filter(([, n]) => n > 0)
    .map(([skuId, n]) => ({ skuId, qty: n }));

/**
 * A quote that says how many units of each line are left: every unit first (an order without earlier cases); when
 * some were refunded already the function refuses that, so one unit of each line in turn until one is answered.
 */
async function firstQuote(orderId: string, order: Order): Promise<Result<AfterSaleQuote>> {
  const all = await orderApi.quoteAfterSale({
    orderId,
    lines: order.items.map((l) => ({ skuId: l.skuId, qty: l.qty })),
  });
  if (all.ok || all.error.code !== 'afterSale.lines_invalid') return all;
  let last: Result<AfterSaleQuote> = all;
  for (const line of order.items) {
    last = await orderApi.quoteAfterSale({ orderId, lines: [{ skuId: line.skuId, qty: 1 }] });
    if (last.ok || last.error.code !== 'afterSale.lines_invalid') return last;
  }
  return last;
}

export default function AfterSaleApplyPage() {
  const { orderId = '' } = useRouter().params;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  /** Units still open to a case, by SKU (from the first quote). */
  const [left, setLeft] = useState<Record<string, number>>({});
  const [qty, setQty] = useState<Record<string, number>>({});
  const [quote, setQuote] = useState<AfterSaleQuote | null>(null);
  const [returnAllowed, setReturnAllowed] = useState(false);
  const [type, setType] = useState<AfterSaleType>('refund_only');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [words, setWords] = useState('');
  const uploads = usePhotoUploads(MEMBER_UPLOAD_FOLDERS.afterSale, AFTER_SALE_PHOTOS_MAX);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the answer to the latest quote counts: the buyer may tap a stepper again before one arrives.
  const quoteGen = useRef(0);

  /** Asks for the most these units may get back; the amount is set to it. */
  const requote = async (next: Record<string, number>) => {
    const gen = ++quoteGen.current;
    setQuote(null);
    const lines = linesOf(next);
    if (lines.length === 0) return setAmount('');
    const res = await orderApi.quoteAfterSale({ orderId, lines });
    if (gen !== quoteGen.current) return;
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setQuote(res.data);
    setReturnAllowed(res.data.returnAllowed);
    setAmount(fenToYuanText(res.data.maxFen));
  };

  const load = async () => {
    setLoaded({ status: 'loading' });
    if (!ORDER_ID_PATTERN.test(orderId)) return setLoaded({ status: 'error', message: '订单不存在' });
    const res = await orderApi.get({ orderId });
    if (!res.ok) return setLoaded({ status: 'error', message: res.error.message });
    const order = res.data.order;
    if (!order.commands.includes('applyAfterSale'))
      return setLoaded({ status: 'error', message: '这笔订单现在不能申请售后' });
    const gen = ++quoteGen.current;
    const q = await firstQuote(orderId, order);
    if (gen !== quoteGen.current) return;
    if (!q.ok) return setLoaded({ status: 'error', message: q.error.message });
    const leftNow = Object.fromEntries(q.data.lines.map((l) => [l.skuId, l.qtyLeft]));
    const start = Object.fromEntries(order.items.map((l) => [l.skuId, Math.min(l.qty, leftNow[l.skuId] ?? 0)]));
    setLeft(leftNow);
    setQty(start);
    setReturnAllowed(q.data.returnAllowed);
    setLoaded({ status: 'ready', order });
    if (order.items.every((l) => start[l.skuId] === l.qty)) {
      setQuote(q.data);
      setAmount(fenToYuanText(q.data.maxFen));
    } else {
      await requote(start);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: its address names the order
  useEffect(() => {
    void load();
  }, []);

  if (loaded.status === 'loading') return <PageState kind="loading" />;
  if (loaded.status === 'error')
    return <PageState kind="error" message={loaded.message} actionText="重新加载" onAction={() => void load()} />;
  const { order } = loaded;
  const open = order.items.filter((l) => (left[l.skuId] ?? 0) > 0);
  if (open.length === 0) return <PageState kind="empty" message="这笔订单的商品都已申请过售后" />;

  const step = (skuId: string, by: number) => {
    const n = Math.max(0, Math.min(left[skuId] ?? 0, (qty[skuId] ?? 0) + by));
    if (n === qty[skuId]) return;
    const next = { ...qty, [skuId]: n };
    setQty(next);
    void requote(next);
  };

  const send = async () => {
    if (sending) return;
    const checked = checkApplication({
      qty,
      amount,
      maxFen: quote?.maxFen ?? null,
      reason,
      words,
      uploading: uploads.uploading !== null,
    });
    if ('error' in checked) return setError(checked.error);
    setError(null);
    const { confirm } = await Taro.showModal({
      title: '提交售后申请',
      content: `${AFTER_SALE_TYPE_LABELS[type]}，退款 ${formatFen(checked.refundFen)}。提交后商家会尽快处理。`,
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSending(true);
    const description = words.trim();
    const res = await orderApi.applyAfterSale({
      orderId,
      type,
      lines: checked.lines,
      refundFen: checked.refundFen,
      reason,
      ...(description ? { description } : {}),
      ...(uploads.photos.length ? { photos: uploads.photos.map((p) => p.fileID) } : {}),
    });
    setSending(false);
    if (!res.ok) return setError(res.error.message);
    void Taro.showToast({ title: '已提交售后申请', icon: 'success' });
    void Taro.redirectTo({ url: routes.memberAfterSale(res.data.afterSale.id) });
  };

  const types: AfterSaleType[] = returnAllowed ? ['refund_only', 'return_refund'] : ['refund_only'];
  const reasonIndex = (AFTER_SALE_REASONS as readonly string[]).indexOf(reason);

  return (
    <View className="apply">
      <View className="apply__card">
        <Text className="apply__title">售后类型</Text>
        <View className="apply__chips" role="radiogroup" aria-label="售后类型">
          {types.map((t) => (
            <View
              key={t}
              role="radio"
              aria-checked={t === type}
              className={t === type ? 'apply__chip apply__chip--active' : 'apply__chip'}
              onClick={() => setType(t)}
            >
              {AFTER_SALE_TYPE_LABELS[t]}
            </View>
          ))}
        </View>
        {returnAllowed ? null : <Text className="apply__hint">商品未发货，可申请仅退款，按实付金额全额退款</Text>}
      </View>

      <View className="apply__card">
        <Text className="apply__title">售后商品</Text>
        {open.map((line) => (
          <View key={line.skuId} className="apply__line">
            <Image className="apply__image" src={line.image} mode="aspectFill" />
            <View className="apply__line-body">
              <Text className="apply__line-title">{line.title}</Text>
              <Text className="apply__line-spec">{`${line.spec} · 可申请 ${left[line.skuId]} 件`}</Text>
            </View>
            <View className="apply__stepper" aria-label={`${line.title} 数量`}>
              <View
                className="apply__step"
                aria-label="减少"
                aria-disabled={(qty[line.skuId] ?? 0) <= 0}
                onClick={() => step(line.skuId, -1)}
              >
                −
              </View>
              <Text className="apply__qty">{String(qty[line.skuId] ?? 0)}</Text>
              <View
                className="apply__step"
                aria-label="增加"
                aria-disabled={(qty[line.skuId] ?? 0) >= (left[line.skuId] ?? 0)}
                onClick={() => step(line.skuId, 1)}
              >
                +
              </View>
            </View>
          </View>
        ))}
      </View>

      <View className="apply__card">
        <View className="apply__amount-row">
          <Text className="apply__title">退款金额</Text>
          <Text className="apply__currency">¥</Text>
          <Input
            className="apply__amount"
            type="digit"
            value={amount}
            // Goods that never left are refunded whole: the amount is the maximum (the function refuses another).
            disabled={!returnAllowed}
            maxlength={12}
            placeholder="退款金额"
            onInput={(e) => setAmount(e.detail.value)}
          />
        </View>
        <Text className="apply__hint">
          {quote
            ? `最多可退 ${formatFen(quote.maxFen)}${quote.includesShipping ? '，含运费' : ''}`
            : linesOf(qty).length === 0
              ? '请选择要售后的商品'
              : '正在计算可退金额…'}
        </Text>
      </View>

      <View className="apply__card">
        <Picker
          mode="selector"
          range={AFTER_SALE_REASONS as unknown as string[]}
          value={Math.max(0, reasonIndex)}
          onChange={(e) => setReason(AFTER_SALE_REASONS[Number(e.detail.value)] ?? '')}
        >
          <View className="apply__picker">
            <Text className="apply__title">售后原因</Text>
            <Text className={reason ? 'apply__picked' : 'apply__picked apply__picked--none'}>
              {reason || '请选择 ›'}
            </Text>
          </View>
        </Picker>
        <Textarea
          className="apply__words"
          value={words}
          maxlength={AFTER_SALE_DESCRIPTION_MAX}
          placeholder="补充描述，有助于商家更快处理（选填）"
          onInput={(e) => setWords(e.detail.value)}
        />
        <Text className="apply__count">{`${words.trim().length}/${AFTER_SALE_DESCRIPTION_MAX}`}</Text>
        <EvidencePhotos uploads={uploads} />
      </View>

      {error ? <Text className="apply__error">{error}</Text> : null}
      <View className="apply__bar">
        <View
          className={sending || uploads.uploading ? 'apply__send apply__send--disabled' : 'apply__send'}
          aria-disabled={sending || uploads.uploading !== null}
          onClick={sending ? undefined : () => void send()}
        >
          {sending ? '提交中…' : '提交申请'}
        </View>
      </View>
    </View>
  );
}
