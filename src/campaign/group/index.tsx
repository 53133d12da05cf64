// A group (拼团), the target of its chat card: the product at its group price, the members with a seat for each slot
// still open, the time left, and what the caller can do: 参团 (pick a SKU, then the checkout), or, in it, 邀请好友
// (weapp: the group card; h5: the link to copy); then the result: 拼团成功 (待发货), or 拼团未成功 and the money back.
import { useRef, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import GroupSkuSheet, { openGroupCheckout } from '../../components/GroupSkuSheet';
import PageState from '../../components/PageState';
import ShareSheet from '../../components/ShareSheet';
import { useCountdown } from '../../hooks/useCountdown';
import { GROUP_STATUS_LABELS, groupShareTitle, groupShareUrl, slotsLeftText } from '../../lib/campaign';
import { formatFen } from '../../lib/money';
import { formatHms } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import { GROUP_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { Group, GroupMember } from '../../../cloudfunctions/contracts/campaign';
import { useGroup, type GroupView } from './useGroup';
import './index.scss';

const isH5 = () => process.env.TARO_ENV === 'h5';
const open = (url: string) => void Taro.navigateTo({ url });

/** The group's price: its own SKU's, else the activity's lowest. */
function groupPriceOf({ group, groupBuy }: GroupView): number {
  const own = groupBuy.skus.find((k) => k.skuId === group.skuId);
  return own ? own.groupPriceFen : Math.min(...groupBuy.skus.map((k) => k.groupPriceFen));
}

export default function GroupPage() {
  const { params } = useRouter();
  const id = params.id && GROUP_ID_PATTERN.test(params.id) ? params.id : undefined;
  const page = useGroup(id);
  const [sharing, setSharing] = useState(false);
  const [picking, setPicking] = useState(false);
  const data = page.data;
  const group = data?.group;
  const left = useCountdown(group?.status === 'forming' ? group.endsAt : undefined, () => void page.refresh());
  // Back from the checkout or the order (paid, or not): the group may have moved on.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void page.refresh();
    shownOnce.current = true;
  });
  useShareAppMessage(() => ({
    title: data && group ? groupShareTitle(group.slotsLeft, groupPriceOf(data), data.title) : '友荐拼团',
    path: routes.campaignGroup(id ?? ''),
    imageUrl: data?.image,
  }));

  if (page.status === 'loading') return <PageState kind="loading" />;
  if (page.status === 'not_found') {
    return (
      <PageState
        kind="empty"
        message="拼团不存在或链接有误"
        actionText="去首页逛逛"
        onAction={() => void Taro.switchTab({ url: PAGES.home })}
      />
    );
  }
  if (page.status === 'error' || !data || !group) {
    return (
      <PageState kind="error" message={page.error?.message} actionText="重新加载" onAction={() => void page.reload()} />
    );
  }

  const priceFen = groupPriceOf(data);
  const toProduct = () => open(routes.product(group.productId));

  return (
    <View className="group">
      <View className="group__card group__product" onClick={toProduct}>
        <Image className="group__image" src={data.image} mode="aspectFill" />
        <View className="group__product-body">
          <Text className="group__title">{data.title}</Text>
          <View className="group__price-row">
            <Text className="group__size">{`${group.size}人团`}</Text>
            <Text className="group__price">{`拼团价 ${formatFen(priceFen)}`}</Text>
          </View>
        </View>
      </View>

      <View className="group__card group__state">
        <StateLine group={group} left={left} />
        <Seats group={group} />
      </View>

      <View className="group__card group__rules">
        <Text className="group__rules-text">
          {`${group.size} 人付款即成团，店主随后发货；到时未满员则拼团失败，已付款项全额原路退回。`}
        </Text>
      </View>

      <View className="group__bar">
        <Actions
          view={data}
          left={left}
          onJoin={() => setPicking(true)}
          onShareH5={() => setSharing(true)}
          onProduct={toProduct}
        />
      </View>

      {picking ? (
        <GroupSkuSheet
          groupBuy={data.groupBuy}
          initialSkuId={group.skuId}
          action="参团"
          onConfirm={(sku) => {
            setPicking(false);
            const shown = { productId: group.productId, title: data.title, image: data.image };
            openGroupCheckout(shown, sku, group.groupBuyId, group.id);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}

      {isH5() && sharing ? (
        <ShareSheet
          url={groupShareUrl(window.location.origin, group.id)}
          hint={`${slotsLeftText(group.slotsLeft)}成团，好友打开链接即可参团`}
          onClose={() => setSharing(false)}
        />
      ) : null}
    </View>
  );
}

/** Where the group stands: the slots and time left while forming, else its result. */
function StateLine({ group, left }: { group: Group; left: number }) {
  if (group.status === 'succeeded') {
    return (
      <View className="group__state-head">
        <Text className="group__state-title group__state-title--ok">拼团成功</Text>
        <Text className="group__state-hint">{group.mine ? '待发货，店主正在备货' : '已成团，店主正在备货'}</Text>
      </View>
    );
  }
  if (group.status === 'failed') {
    return (
      <View className="group__state-head">
        <Text className="group__state-title">拼团未成功，款项已原路退回</Text>
        <Text className="group__state-hint">到时未满员，每位已付款的成员都已全额退款</Text>
      </View>
    );
  }
  if (left <= 0) {
    return (
      <View className="group__state-head">
        <Text className="group__state-title">拼团时间已到</Text>
        <Text className="group__state-hint">正在确认结果，请稍后刷新</Text>
      </View>
    );
  }
  return (
    <View className="group__state-head">
      <Text className="group__state-title">
        {group.slotsLeft > 0 ? `${slotsLeftText(group.slotsLeft)}成团` : '名额已占满，等待付款'}
      </Text>
      <Text className="group__countdown">{`剩 ${formatHms(left)}`}</Text>
    </View>
  );
}

/** Paid members first (团长 marked), then seats held by unpaid joins while forming, then the open ones. */
function Seats({ group }: { group: Group }) {
  const held = group.status === 'forming' ? Math.max(0, group.size - group.members.length - group.slotsLeft) : 0;
  const open = group.status === 'forming' ? group.slotsLeft : Math.max(0, group.size - group.members.length);
  return (
    <View className="group__seats">
      {group.members.map((m) => (
        <Member key={`${m.joinedAt}:${m.nickname}`} member={m} />
      ))}
      {Array.from({ length: held }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty seats have no identity
        <View key={`held${i}`} className="group__seat">
          <View className="group__avatar group__avatar--held">…</View>
          <Text className="group__nickname">待付款</Text>
        </View>
      ))}
      {Array.from({ length: open }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty seats have no identity
        <View key={`open${i}`} className="group__seat group__seat--open">
          <View className="group__avatar group__avatar--open">?</View>
          <Text className="group__nickname">待参团</Text>
        </View>
      ))}
    </View>
  );
}

function Member({ member }: { member: GroupMember }) {
  return (
    <View className="group__seat">
      {member.avatar ? (
        <Image className="group__avatar" src={member.avatar} mode="aspectFill" />
      ) : (
        <View className="group__avatar">{member.nickname.slice(0, 1)}</View>
      )}
      {member.leader ? <Text className="group__leader">团长</Text> : null}
      <Text className="group__nickname">{member.nickname}</Text>
    </View>
  );
}

interface ActionsProps {
  view: GroupView;
  left: number;
  onJoin: () => void;
  onShareH5: () => void;
  onProduct: () => void;
}

/** The bar's buttons for this caller and this state. */
function Actions({ view, left, onJoin, onShareH5, onProduct }: ActionsProps) {
  const { group, groupBuy } = view;
  const { mine } = group;
  const forming = group.status === 'forming' && left > 0;
  const secondary = (text: string, onClick: () => void) => (
    <View className="group__action" onClick={onClick}>
      {text}
    </View>
  );
  const primary = (text: string, onClick: () => void) => (
    <View className="group__action group__action--primary" hoverClass="group__action--pressed" onClick={onClick}>
      {text}
    </View>
  );
  const order = mine ? () => open(routes.order(mine.orderId)) : undefined;

  if (forming && mine && !mine.paid && order) {
    return (
      <>
        {secondary('查看商品', onProduct)}
        {primary('去付款', order)}
      </>
    );
  }
  if (forming && mine && order) {
    return (
      <>
        {secondary('查看订单', order)}
        {isH5() ? (
          primary('邀请好友', onShareH5)
        ) : (
          <Button className="group__action group__action--primary group__action--native" openType="share">
            邀请好友
          </Button>
        )}
      </>
    );
  }
  if (forming && group.slotsLeft > 0 && groupBuy.status === 'live') {
    return (
      <>
        {secondary('查看商品', onProduct)}
        {primary('参团', onJoin)}
      </>
    );
  }
  if (forming) {
    return (
      <>
        <View className="group__action group__action--disabled" aria-disabled>
          {groupBuy.status === 'live' ? '已满员' : '活动已结束'}
        </View>
        {primary('去开团', onProduct)}
      </>
    );
  }
  const result = group.status === 'forming' ? '等待结果' : GROUP_STATUS_LABELS[group.status];
  return (
    <>
      {order ? secondary('查看订单', order) : <Text className="group__result">{result}</Text>}
      {primary(group.status === 'failed' ? '再开一团' : '去看看商品', onProduct)}
    </>
  );
}
