// 推广中心: what my shares brought (visits → visitors → orders → amount), my commission by state and line by line,
// what I can withdraw and my latest withdrawals, and the one-level rules. Pull down to refresh; the lines extend
// at the bottom.
import { type ReactNode, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import PageState from '../../components/PageState';
import { useFillScreen } from '../../hooks/useFillScreen';
import { formatFen } from '../../lib/money';
import { formatTime } from '../../lib/time';
import { PAGES } from '../../routes';
import type { CommissionLine, FunnelRow, MyStats, Withdrawal } from '../../../cloudfunctions/contracts/commission';
import {
  CHANNEL_LABELS,
  chatSplitText,
  COMMISSION_STATUS_LABELS,
  friendsText,
  partialReversalText,
  rowCommissionFen,
  settleText,
  WITHDRAWAL_STATUS_LABELS,
} from './text';
import { useSharerCenter, type SharerCenter } from './useSharerCenter';
import { canWithdraw, MIN_WITHDRAWAL_FEN } from './withdraw';
import FriendsSee from './FriendsSee';
import Suggestions from './Suggestions';
import WithdrawSheet from './WithdrawSheet';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

/** Nothing shared has been opened yet and no money has moved: the page says how to start instead of zeros. */
function isEmpty(stats: MyStats): boolean {
  const { pendingFen, settledFen, withdrawnFen, reversedFen } = stats.commission;
  return (
    stats.visits === 0 &&
    stats.orders === 0 &&
    stats.rows.length === 0 &&
    pendingFen + settledFen + withdrawnFen + reversedFen === 0 &&
    !stats.openWithdrawal
  );
}

function RulesLink() {
  return (
    <Text className="share-center__rules" onClick={() => void Taro.navigateTo({ url: PAGES.shareRules })}>
      单级分佣说明 ›
    </Text>
  );
}

export default function SharerCenterPage() {
  const center = useSharerCenter();
  const { stats, statsError, lines } = center;
  const [sheetOpen, setSheetOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void center.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void lines.loadMore();
  });
  useFillScreen(
    '.share-center__lines',
    lines.items.length,
    lines.status === 'ready' && !lines.done && !lines.loadingMore && !lines.loadMoreError,
    () => {
      void lines.loadMore();
    },
  );
  // Back from elsewhere: a withdrawal may have been decided, an order settled.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void center.refresh();
    shownOnce.current = true;
  });

  if (!stats) {
    return statsError ? (
      <PageState
        kind="error"
        message={statsError.message}
        actionText="重新加载"
        onAction={() => void center.reloadStats()}
      />
    ) : (
      <PageState kind="loading" />
    );
  }
  if (isEmpty(stats)) {
    return (
      <View className="share-center share-center--empty">
        <PageState
          kind="empty"
          message="还没有推广数据：在商品页点「分享」发给朋友"
          actionText="去逛逛"
          onAction={() => void Taro.switchTab({ url: PAGES.home })}
        />
        <RulesLink />
        <FriendsSee stats={stats} />
        <Suggestions />
      </View>
    );
  }

  const openSheet = () => {
    setWithdrawError(null);
    setSheetOpen(true);
  };

  const submitWithdrawal = async (amountFen: number) => {
    const { confirm } = await Taro.showModal({
      title: `确认提现 ${formatFen(amountFen)}？`,
      content: '提交后由店主审核，处理完成前不能再次申请。',
      confirmText: '确认提现',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    setWithdrawError(null);
    const res = await center.withdraw(amountFen);
    setBusy(false);
    if (res.ok) {
      setSheetOpen(false);
      toast('提现申请已提交', 'success');
    } else {
      setWithdrawError(res.error.message);
    }
  };

  const withdrawable = canWithdraw(stats.availableFen, !!stats.openWithdrawal);
  return (
    <View className="share-center">
      <View className="share-center__head">
        <Text className="share-center__head-label">可提现</Text>
        <Text className="share-center__available">{formatFen(stats.availableFen)}</Text>
        {stats.openWithdrawal ? (
          <Text className="share-center__open">{`提现申请处理中 ${formatFen(stats.openWithdrawal.amountFen)}`}</Text>
        ) : stats.availableFen < MIN_WITHDRAWAL_FEN ? (
          <Text className="share-center__open">{`满 ${formatFen(MIN_WITHDRAWAL_FEN)} 可申请提现`}</Text>
        ) : null}
        <View className="share-center__head-row">
          <View
            className={
              withdrawable ? 'share-center__withdraw' : 'share-center__withdraw share-center__withdraw--disabled'
            }
            hoverClass={withdrawable ? 'share-center__withdraw--pressed' : 'none'}
            aria-disabled={!withdrawable}
            onClick={withdrawable ? openSheet : undefined}
          >
            申请提现
          </View>
          <RulesLink />
        </View>
      </View>

      {statsError ? <View className="share-center__notice">{`刷新失败：${statsError.message}`}</View> : null}

      <FriendsSee stats={stats} />

      <View className="share-center__card share-center__money">
        <Text className="share-center__card-title">我的佣金</Text>
        <View className="share-center__grid">
          <Figure label="待结算" value={formatFen(stats.commission.pendingFen)} />
          <Figure label="已结算" value={formatFen(stats.commission.settledFen)} />
          <Figure label="已提现" value={formatFen(stats.commission.withdrawnFen)} />
          <Figure label="已退回" value={formatFen(stats.commission.reversedFen)} />
        </View>
      </View>

      <View className="share-center__card">
        <Text className="share-center__card-title">推广效果</Text>
        <View className="share-center__grid">
          <Figure label="访问" value={String(stats.visits)} />
          <Figure label="访客" value={String(stats.visitors)} />
          <Figure label="成交订单" value={String(stats.orders)} />
          <Figure label="成交金额" value={formatFen(stats.gmvFen)} />
        </View>
        {stats.rows.length > 0 ? (
          <View className="funnel">
            {stats.rows.map((row) => (
              <FunnelItem key={`${row.productId}:${row.channel}`} row={row} />
            ))}
          </View>
        ) : (
          <Text className="share-center__quiet">还没有分享带来的访问</Text>
        )}
      </View>

      <View className="share-center__card" aria-label="好友的选择">
        <Text className="share-center__card-title">好友的选择</Text>
        <Text className="share-center__friends">{friendsText(stats.friends)}</Text>
        <Text className="share-center__quiet">分享要赢得信任，而不是透支关系：只推荐自己真正用过、觉得好的东西。</Text>
      </View>

      <Suggestions />

      <Withdrawals center={center} />

      <View className="share-center__card">
        <Text className="share-center__card-title">佣金明细</Text>
        <PagedList
          list={lines}
          variant="inline"
          block="share-center"
          classes={{ list: 'share-center__lines' }}
          empty="还没有佣金：朋友通过你的分享付款后，这里会出现一笔待结算佣金"
          renderItem={(line) => <CommissionItem line={line} />}
        />
      </View>

      {sheetOpen ? (
        <WithdrawSheet
          availableFen={stats.availableFen}
          busy={busy}
          serverError={withdrawError}
          onSubmit={(fen) => void submitWithdrawal(fen)}
          onClose={() => setSheetOpen(false)}
        />
      ) : null}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="share-center__figure">
      <Text className="share-center__figure-value">{value}</Text>
      <Text className="share-center__figure-label">{label}</Text>
    </View>
  );
}

/** One product through one channel: visits → visitors → orders → amount → commission. */
function FunnelItem({ row }: { row: FunnelRow }) {
  const steps: Array<[string, string]> = [
    ['访问', String(row.visits)],
    ['访客', String(row.visitors)],
    ['成交', String(row.orders)],
    ['成交额', formatFen(row.gmvFen)],
    ['佣金', formatFen(rowCommissionFen(row))],
  ];
  return (
    <View className="funnel__row" aria-label={`${row.title} ${CHANNEL_LABELS[row.channel]}`}>
      <View className="funnel__head">
        <Text className="funnel__title">{row.title}</Text>
        <Text className={`funnel__channel funnel__channel--${row.channel}`}>{CHANNEL_LABELS[row.channel]}</Text>
      </View>
      <View className="funnel__steps">
        {steps.map(([label, value], i) => (
          <View key={label} className="funnel__step">
            {i > 0 ? <Text className="funnel__arrow">→</Text> : null}
            <View className="funnel__step-body">
              <Text className="funnel__value">{value}</Text>
              <Text className="funnel__label">{label}</Text>
            </View>
          </View>
        ))}
      </View>
      {row.chatSplit && row.visits > 0 ? <Text className="funnel__split">{chatSplitText(row.chatSplit)}</Text> : null}
    </View>
  );
}

function Withdrawals({ center }: { center: SharerCenter }) {
  const { withdrawals, withdrawalsError } = center;
  let body: ReactNode;
  if (withdrawals === null) {
    body = withdrawalsError ? (
      <Text className="share-center__quiet share-center__retry" onClick={() => void center.reloadWithdrawals()}>
        提现记录加载失败，点击重试
      </Text>
    ) : (
      <Text className="share-center__quiet">加载中…</Text>
    );
  } else if (withdrawals.length === 0) {
    body = <Text className="share-center__quiet">还没有提现记录</Text>;
  } else {
    body = withdrawals.map((w) => <WithdrawalItem key={w.id} withdrawal={w} />);
  }
  return (
    <View className="share-center__card">
      <Text className="share-center__card-title">我的提现记录</Text>
      {body}
    </View>
  );
}

function WithdrawalItem({ withdrawal }: { withdrawal: Withdrawal }) {
  return (
    <View className="withdrawal">
      <View className="withdrawal__main">
        <Text className="withdrawal__amount">{formatFen(withdrawal.amountFen)}</Text>
        <Text className="withdrawal__time">{`申请于 ${formatTime(withdrawal.requestedAt)}`}</Text>
        {withdrawal.status === 'rejected' && withdrawal.reason ? (
          <Text className="withdrawal__reason">{`原因：${withdrawal.reason}`}</Text>
        ) : null}
      </View>
      <Text className={`withdrawal__status withdrawal__status--${withdrawal.status}`}>
        {WITHDRAWAL_STATUS_LABELS[withdrawal.status]}
      </Text>
    </View>
  );
}

function CommissionItem({ line }: { line: CommissionLine }) {
  const partial = partialReversalText(line);
  return (
    <View className="commission">
      <View className="commission__main">
        <Text className="commission__title">{line.title}</Text>
        <Text className="commission__spec">{`${line.spec} · ${CHANNEL_LABELS[line.channel]}`}</Text>
        <Text className="commission__when">{settleText(line)}</Text>
      </View>
      <View className="commission__side">
        <Text className={`commission__amount commission__amount--${line.status}`}>{formatFen(line.amountFen)}</Text>
        <Text className={`commission__status commission__status--${line.status}`}>
          {COMMISSION_STATUS_LABELS[line.status]}
        </Text>
        {partial ? <Text className="commission__reversed">{partial}</Text> : null}
      </View>
    </View>
  );
}
