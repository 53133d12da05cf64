// 提现审批: the sharers' withdrawal requests. The app moves no money: the owner pays the sharer by WeChat transfer
// and then approves, which records the amount as withdrawn; a refusal needs a reason and returns the amount.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '../../api/client';
import { commissionApi } from '../../api/commission';
import PagedList from '../../components/PagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import type { OwnerWithdrawal } from '../../../cloudfunctions/contracts/commission';
import NotOwner from '../shared/NotOwner';
import {
  WITHDRAWAL_STATUS_LABEL,
  WITHDRAWAL_VIEW_LABEL,
  WITHDRAWAL_VIEW_LIST,
  type WithdrawalView,
} from '../shared/commission-text';
import { formatTime } from '../shared/order-text';
import RejectSheet from './RejectSheet';
import { useWithdrawals } from './useWithdrawals';
import './index.scss';

const EMPTY_TEXT: Record<WithdrawalView, string> = {
  open: '没有待处理的提现申请',
  all: '还没有提现申请',
};

/** Someone decided or removed the request meanwhile: the list on screen is out of date. */
const STALE_CODES = new Set<ErrorBody['code']>(['withdraw.already_decided', 'withdraw.not_found']);

export default function OwnerWithdrawalsPage() {
  const [view, setView] = useState<WithdrawalView>('open');
  const list = useWithdrawals(view);
  usePagedListScroll(list, '.owner-withdrawals__list');
  /** The request being decided (one at a time). */
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<OwnerWithdrawal | null>(null);
  useRefreshOnReturn(list.refresh);

  const decide = async (w: OwnerWithdrawal, approve: boolean, reason?: string) => {
    if (busyId) return;
    setBusyId(w.id);
    const res = await commissionApi.decideWithdrawal({ withdrawalId: w.id, approve, ...(reason ? { reason } : {}) });
    setBusyId(null);
    if (res.ok) {
      list.replace(res.data.withdrawal);
      setRejecting(null);
      void Taro.showToast({ title: approve ? '已记为已提现' : '已拒绝', icon: 'success' });
      return;
    }
    void Taro.showToast({ title: res.error.message, icon: 'none' });
    if (STALE_CODES.has(res.error.code)) {
      setRejecting(null);
      void list.refresh();
    }
  };

  const approve = async (w: OwnerWithdrawal) => {
    if (busyId) return;
    const { confirm } = await Taro.showModal({
      title: '同意提现',
      content: `确认已向 TA 转账 ${formatFen(w.amountFen)}？同意后记为已提现`,
      confirmText: '已转账',
      cancelText: '再想想',
    });
    if (confirm) await decide(w, true);
  };

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }

  return (
    <View className="owner-withdrawals">
      <View className="owner-withdrawals__head">
        <View className="owner-withdrawals__tabs">
          {WITHDRAWAL_VIEW_LIST.map((v) => (
            <View
              key={v}
              className={
                v === view ? 'owner-withdrawals__tab owner-withdrawals__tab--active' : 'owner-withdrawals__tab'
              }
              onClick={() => setView(v)}
            >
              {WITHDRAWAL_VIEW_LABEL[v]}
            </View>
          ))}
        </View>
        <Text className="owner-withdrawals__intro">
          请先通过微信转账给推广员，再点“同意”记为已提现；本页不会自动打款。
        </Text>
      </View>

      <PagedList
        list={list}
        block="owner-withdrawals"
        empty={{ message: EMPTY_TEXT[view], actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(w) => (
          <WithdrawalCard
            withdrawal={w}
            busy={busyId === w.id}
            disabled={busyId !== null}
            onApprove={() => void approve(w)}
            onReject={() => setRejecting(w)}
          />
        )}
      />

      {rejecting ? (
        <RejectSheet
          withdrawal={rejecting}
          busy={busyId === rejecting.id}
          onSubmit={(reason) => void decide(rejecting, false, reason)}
          onClose={() => setRejecting(null)}
        />
      ) : null}
    </View>
  );
}

interface WithdrawalCardProps {
  withdrawal: OwnerWithdrawal;
  /** This request's decision is being sent. */
  busy: boolean;
  /** Some decision is being sent: no second one. */
  disabled: boolean;
  onApprove: () => void;
  onReject: () => void;
}

function WithdrawalCard({ withdrawal: w, busy, disabled, onApprove, onReject }: WithdrawalCardProps) {
  const disabledClass = disabled ? ' owner-withdrawal__action--disabled' : '';
  return (
    <View className="owner-withdrawal">
      <View className="owner-withdrawal__row">
        <View className="owner-withdrawal__who">
          <Text className="owner-withdrawal__name">{w.sharer.nickname}</Text>
          <Text className="owner-withdrawal__code">{w.sharer.shareCode}</Text>
        </View>
        <Text className={`owner-withdrawal__status owner-withdrawal__status--${w.status}`}>
          {WITHDRAWAL_STATUS_LABEL[w.status]}
        </Text>
      </View>
      <Text className="owner-withdrawal__amount">{formatFen(w.amountFen)}</Text>
      <Text className="owner-withdrawal__time">{`申请时间 ${formatTime(w.requestedAt)}`}</Text>
      {w.decidedAt ? <Text className="owner-withdrawal__time">{`处理时间 ${formatTime(w.decidedAt)}`}</Text> : null}
      {w.reason ? <Text className="owner-withdrawal__reason">{`拒绝原因：${w.reason}`}</Text> : null}
      {w.status === 'open' ? (
        <View className="owner-withdrawal__actions">
          <View
            className={`owner-withdrawal__action owner-withdrawal__action--plain${disabledClass}`}
            aria-disabled={disabled}
            onClick={disabled ? undefined : onReject}
          >
            拒绝
          </View>
          <View
            className={`owner-withdrawal__action owner-withdrawal__action--primary${disabledClass}`}
            aria-disabled={disabled}
            onClick={disabled ? undefined : onApprove}
          >
            {busy ? '处理中…' : '同意'}
          </View>
        </View>
      ) : null}
    </View>
  );
}
