// 售后详情, for the buyer: where the case stands and how long its current step has (商家 1 天 23 小时内处理，逾期自动
// 同意 …), the return address while the goods are to be sent back, the lines, amount and evidence, the history as a
// timeline, 联系客服, and exactly the buttons of its `commands`: 撤销申请, 填写退货物流, 再次申请 (once, after a
// rejection). h5 only: a button plays WeChat Pay's refund once it was asked for.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Result } from '../../api/client';
import { orderApi } from '../../api/order';
import { CaseDetails, CaseHistory, ReturnAddress } from '../../components/AfterSaleView';
import ContactService from '../../components/ContactService';
import { contactFrom } from '../../components/ContactService/types';
import PageState from '../../components/PageState';
import { deadlineWords } from '../../lib/after-sale';
import { formatFen } from '../../lib/money';
import { AFTER_SALE_STATUS_LABELS } from '../../lib/order-status';
import { AFTER_SALE_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { AfterSale, AfterSaleCommand } from '../../../cloudfunctions/contracts/order';
import { ReopenSheet, ReturnSheet, type Reopening } from './Sheets';
import type { ReturnShipment } from './return-shipment';
import './index.scss';

/** The refund simulator, h5 only (a ternary on the build constant, so the weapp bundle drops the require). */
const loadDevRefund = () =>
  process.env.TARO_ENV === 'h5' ? (require('../../api/dev-refund') as typeof import('../../api/dev-refund')) : null;

type BuyerAction = Extract<AfterSaleCommand, 'cancel' | 'shipReturn' | 'reopen'>;
const ACTION_LABELS: Record<BuyerAction, string> = {
  cancel: '撤销申请',
  reopen: '再次申请',
  shipReturn: '填写退货物流',
};

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; afterSale: AfterSale };

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

/** The line under the status when the step has no deadline. */
function statusHint(a: AfterSale): string {
  switch (a.status) {
    case 'requested':
      return '等待商家处理';
    case 'awaiting_return':
      return '商家已同意退货，请寄回商品';
    case 'returning':
      return '等待商家确认收货';
    case 'refunding':
      return `商家已同意退款 ${formatFen(a.refundFen)}，退款处理中`;
    case 'refunded':
      return `已退款 ${formatFen(a.refundFen)}，已原路退回`;
    case 'rejected':
      return a.commands.includes('reopen') ? '商家拒绝了申请，你可以补充说明后再次申请' : '商家拒绝了申请';
    case 'cancelled':
      return '你已撤销申请';
    case 'closed':
      return '申请已关闭';
  }
}

export default function AfterSalePage() {
  const { id = '' } = useRouter().params;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState<BuyerAction | 'devRefund' | null>(null);
  const [sheet, setSheet] = useState<null | 'shipReturn' | 'reopen'>(null);

  const load = async () => {
    if (!AFTER_SALE_ID_PATTERN.test(id)) return setLoaded({ status: 'error', message: '售后申请不存在' });
    const res = await orderApi.afterSale({ afterSaleId: id });
    if (res.ok) setLoaded({ status: 'ready', afterSale: res.data.afterSale });
    else setLoaded((now) => (now.status === 'ready' ? now : { status: 'error', message: res.error.message }));
    return res.ok;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: its address names the case
  useEffect(() => {
    void load();
  }, []);

  if (loaded.status === 'loading') return <PageState kind="loading" />;
  if (loaded.status === 'error')
    return <PageState kind="error" message={loaded.message} actionText="重新加载" onAction={() => void load()} />;
  const a = loaded.afterSale;

  /** Sends one action; its answer is the case shown. */
  const run = async (kind: BuyerAction, request: () => Promise<Result<{ afterSale: AfterSale }>>, done: string) => {
    if (busy) return;
    setBusy(kind);
    const res = await request();
    setBusy(null);
    if (!res.ok) return toast(res.error.message);
    setSheet(null);
    setLoaded({ status: 'ready', afterSale: res.data.afterSale });
    toast(done, 'success');
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤销申请',
      content: '撤销后这次售后申请将关闭，确定撤销吗？',
      confirmText: '撤销',
      cancelText: '再想想',
    });
    if (confirm) await run('cancel', () => orderApi.cancelAfterSale({ afterSaleId: a.id }), '已撤销');
  };
  const shipReturn = async (s: ReturnShipment) => {
    const { confirm } = await Taro.showModal({
      title: '提交退货物流',
      content: `${s.carrier}，运单号 ${s.trackingNo}`,
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (confirm) await run('shipReturn', () => orderApi.shipReturn({ afterSaleId: a.id, ...s }), '已提交');
  };
  const reopen = async (r: Reopening) => {
    const { confirm } = await Taro.showModal({
      title: '再次申请',
      content: '每个售后只能再次申请一次，确定提交吗？',
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await run(
      'reopen',
      () =>
        orderApi.reopenAfterSale({
          afterSaleId: a.id,
          description: r.description,
          ...(r.photos.length ? { photos: r.photos } : {}),
        }),
      '已再次申请',
    );
  };
  const devRefund = async () => {
    const dev = loadDevRefund();
    if (busy || !dev || !a.outRefundNo) return;
    setBusy('devRefund');
    const res = await dev.simulateWechatRefund(a.outRefundNo);
    if (!res.ok) toast(res.error.message);
    else if (await load()) toast('退款已到账', 'success');
    setBusy(null);
  };

  const handlers: Record<BuyerAction, () => void> = {
    cancel: () => void cancel(),
    reopen: () => setSheet('reopen'),
    shipReturn: () => setSheet('shipReturn'),
  };
  const actions = (Object.keys(ACTION_LABELS) as BuyerAction[]).filter((c) => a.commands.includes(c));
  const showDevRefund = process.env.TARO_ENV === 'h5' && a.status === 'refunding' && !!a.outRefundNo;

  return (
    <View className="case">
      <View className="case__header">
        <Text className="case__status">{AFTER_SALE_STATUS_LABELS[a.status]}</Text>
        <Text className="case__hint">{deadlineWords(a, 'buyer') ?? statusHint(a)}</Text>
      </View>

      {a.status === 'awaiting_return' && a.returnAddress ? <ReturnAddress address={a.returnAddress} /> : null}
      <CaseDetails afterSale={a} />
      <CaseHistory afterSale={a} />

      <View className="case__bar">
        <ContactService className="case__contact" sessionFrom={contactFrom.order(a.orderId)} />
        {showDevRefund ? (
          <View className="case__action case__action--dev" onClick={() => void devRefund()}>
            {busy === 'devRefund' ? '处理中…' : '模拟微信退款到账'}
          </View>
        ) : null}
        {actions.map((c) => (
          <View
            key={c}
            className={c === 'cancel' ? 'case__action' : 'case__action case__action--primary'}
            aria-disabled={busy !== null}
            onClick={busy ? undefined : handlers[c]}
          >
            {busy === c ? '处理中…' : ACTION_LABELS[c]}
          </View>
        ))}
      </View>

      {sheet === 'shipReturn' ? (
        <ReturnSheet busy={busy === 'shipReturn'} onSubmit={(s) => void shipReturn(s)} onClose={() => setSheet(null)} />
      ) : null}
      {sheet === 'reopen' ? (
        <ReopenSheet busy={busy === 'reopen'} onSubmit={(r) => void reopen(r)} onClose={() => setSheet(null)} />
      ) : null}
    </View>
  );
}
