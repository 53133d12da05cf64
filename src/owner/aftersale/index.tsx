// One after-sale case on the owner's side: where it stands and how long the owner has (请在 1 天 23 小时内处理，逾期自动
// 同意 …), the buyer's words and evidence (tap to preview), the history, and exactly the actions of its `commands`:
// 同意退款 (仅退款), 同意退货 with the return address, 拒绝 with a reason, 确认收到退货. Each cannot be undone, so each
// is confirmed first; the answer is the case shown.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { Result } from '../../api/client';
import { orderApi } from '../../api/order';
import { addressText, CaseDetails, CaseHistory, ReturnAddress } from '../../components/AfterSaleView';
import PageState from '../../components/PageState';
import { deadlineWords } from '../../lib/after-sale';
import { formatFen } from '../../lib/money';
import { AFTER_SALE_STATUS_LABELS } from '../../lib/order-status';
import { routes } from '../../routes';
import { AFTER_SALE_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { Address, AfterSale, AfterSaleCommand } from '../../../cloudfunctions/contracts/order';
import NotOwner from '../shared/NotOwner';
import RejectSheet from './RejectSheet';
import ReturnSheet from './ReturnSheet';
import './index.scss';

type OwnerAction = Extract<AfterSaleCommand, 'approve' | 'reject' | 'receiveReturn'>;

type Loaded =
  | { status: 'loading' }
  | { status: 'not_owner' }
  | { status: 'error'; message: string }
  | { status: 'ready'; afterSale: AfterSale };

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });
/** The case changed under the owner (the buyer cancelled, a deadline acted): load it again. */
const STALE = new Set(['afterSale.invalid_transition', 'afterSale.not_found']);

/** The line under the status when the step has no deadline. */
function statusHint(a: AfterSale): string {
  switch (a.status) {
    case 'requested':
      return '买家申请售后，请处理';
    case 'awaiting_return':
      return '已同意退货，等待买家寄回';
    case 'returning':
      return '买家已寄回，请查收后确认';
    case 'refunding':
      return '已同意退款，等待微信支付退款到账';
    case 'refunded':
      return `已退款 ${formatFen(a.refundFen)}`;
    case 'rejected':
      return a.reopened ? '已拒绝（买家已再次申请过）' : '已拒绝，买家可再次申请一次';
    case 'cancelled':
      return '买家已撤销申请';
    case 'closed':
      return '买家未按时寄回，申请已关闭';
  }
}

export default function OwnerAfterSalePage() {
  const { id = '' } = useRouter().params;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState<OwnerAction | null>(null);
  const [sheet, setSheet] = useState<null | 'return' | 'reject'>(null);

  const load = async () => {
    if (!AFTER_SALE_ID_PATTERN.test(id)) return setLoaded({ status: 'error', message: '售后申请不存在' });
    const res = await orderApi.afterSale({ afterSaleId: id });
    if (res.ok) return setLoaded({ status: 'ready', afterSale: res.data.afterSale });
    if (res.error.code === 'auth.not_owner') return setLoaded({ status: 'not_owner' });
    setLoaded((now) => (now.status === 'ready' ? now : { status: 'error', message: res.error.message }));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: its address names the case
  useEffect(() => {
    void load();
  }, []);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (loaded.status === 'loading') return <PageState kind="loading" />;
  if (loaded.status === 'not_owner') return <NotOwner />;
  if (loaded.status === 'error')
    return <PageState kind="error" message={loaded.message} actionText="重新加载" onAction={() => void load()} />;
  const a = loaded.afterSale;
  const afterSaleId = a.id;

  /** Confirms, then sends one action; its answer is the case shown, a stale case is loaded again. */
  const run = async (
    kind: OwnerAction,
    confirm: { title: string; content: string; confirmText: string },
    request: () => Promise<Result<{ afterSale: AfterSale }>>,
    done: string,
  ) => {
    if (busy) return;
    const answer = await Taro.showModal({ ...confirm, cancelText: '再想想' });
    if (!answer.confirm) return;
    setBusy(kind);
    const res = await request();
    setBusy(null);
    if (res.ok) {
      setSheet(null);
      setLoaded({ status: 'ready', afterSale: res.data.afterSale });
      return toast(done, 'success');
    }
    toast(res.error.message);
    if (STALE.has(res.error.code)) {
      setSheet(null);
      void load();
    }
  };

  const approveRefund = () =>
    run(
      'approve',
      {
        title: '同意退款',
        content: `将原路退回买家 ${formatFen(a.refundFen)}，同意后不能撤销。`,
        confirmText: '同意退款',
      },
      () => orderApi.decideAfterSale({ afterSaleId, approve: true }),
      '已同意退款',
    );
  const approveReturn = (returnAddress: Address) =>
    run(
      'approve',
      { title: '同意退货', content: `买家将把商品寄回：${addressText(returnAddress)}`, confirmText: '同意退货' },
      () => orderApi.decideAfterSale({ afterSaleId, approve: true, returnAddress }),
      '已同意退货',
    );
  const reject = (reason: string) =>
    run(
      'reject',
      { title: '拒绝售后', content: `买家会看到原因：${reason}`, confirmText: '拒绝' },
      () => orderApi.decideAfterSale({ afterSaleId, approve: false, reason }),
      '已拒绝',
    );
  const receiveReturn = () =>
    run(
      'receiveReturn',
      {
        title: '确认收到退货',
        content: `确认后将原路退回买家 ${formatFen(a.refundFen)}，不能撤销。`,
        confirmText: '确认收货',
      },
      () => orderApi.receiveReturn({ afterSaleId }),
      '已确认收货',
    );

  const can = (c: AfterSaleCommand) => a.commands.includes(c);
  const isReturn = a.type === 'return_refund';
  const hasActions = can('approve') || can('reject') || can('receiveReturn');

  return (
    <View className={hasActions ? 'owner-case owner-case--with-bar' : 'owner-case'}>
      <View className="owner-case__status">
        <Text className="owner-case__status-label">{AFTER_SALE_STATUS_LABELS[a.status]}</Text>
        <Text className="owner-case__status-hint">{deadlineWords(a, 'owner') ?? statusHint(a)}</Text>
        <Text className="owner-case__order" onClick={() => void Taro.navigateTo({ url: routes.ownerOrder(a.orderId) })}>
          {`订单 ${a.orderId} ›`}
        </Text>
      </View>

      <CaseDetails afterSale={a} />
      {a.returnAddress && a.status !== 'requested' ? <ReturnAddress address={a.returnAddress} /> : null}
      <CaseHistory afterSale={a} />

      {hasActions ? (
        <View className="owner-case__bar">
          {can('reject') ? (
            <View
              className="owner-case__action"
              aria-disabled={busy !== null}
              onClick={busy ? undefined : () => setSheet('reject')}
            >
              {busy === 'reject' ? '处理中…' : '拒绝'}
            </View>
          ) : null}
          {can('approve') ? (
            <View
              className="owner-case__action owner-case__action--primary"
              aria-disabled={busy !== null}
              onClick={busy ? undefined : isReturn ? () => setSheet('return') : () => void approveRefund()}
            >
              {busy === 'approve' ? '处理中…' : isReturn ? '同意退货' : '同意退款'}
            </View>
          ) : null}
          {can('receiveReturn') ? (
            <View
              className="owner-case__action owner-case__action--primary"
              aria-disabled={busy !== null}
              onClick={busy ? undefined : () => void receiveReturn()}
            >
              {busy === 'receiveReturn' ? '处理中…' : '确认收到退货'}
            </View>
          ) : null}
        </View>
      ) : null}

      {sheet === 'return' && can('approve') ? (
        <ReturnSheet
          busy={busy === 'approve'}
          onSubmit={(address) => void approveReturn(address)}
          onClose={() => setSheet(null)}
        />
      ) : null}
      {sheet === 'reject' && can('reject') ? (
        <RejectSheet busy={busy === 'reject'} onSubmit={(r) => void reject(r)} onClose={() => setSheet(null)} />
      ) : null}
    </View>
  );
}
