// 团列表 (the owner's): the groups of every group buy, or of one (opened from its row), newest first, filtered by
// status (拼团中, 已成团, 未成团): each with its product, members (avatar, nickname, 团长), slots left, when it ends and
// its status. Only paid members show: a held, unpaid slot counts as taken, never as a member.
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { campaignOwnerApi } from '../../api/campaign-owner';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatTime } from '../../lib/time';
import type { Group, GroupStatus } from '../../../cloudfunctions/contracts/campaign';
import NotOwner from '../shared/NotOwner';
import { GROUP_STATUS_LABEL } from '../shared/campaign-text';
import './index.scss';

export const OWNER_GROUPS_PAGE_SIZE = 20;

type Filter = GroupStatus | 'all';
const FILTERS: Filter[] = ['all', 'forming', 'succeeded', 'failed'];
const FILTER_LABEL: Record<Filter, string> = { all: '全部', ...GROUP_STATUS_LABEL };
const EMPTY: Record<Filter, string> = {
  all: '还没有人开团',
  forming: '没有正在拼的团',
  succeeded: '还没有成团的团',
  failed: '没有未成团的团',
};

const isFilter = (s: string | undefined): s is Filter => FILTERS.includes(s as Filter);

/** What a group's line under its members says, by its status. */
function groupState(g: Group): string {
  if (g.status === 'forming') return `还差 ${g.slotsLeft} 人 · ${formatTime(g.endsAt)} 截止`;
  if (g.status === 'succeeded') return `${g.size} 人已成团`;
  return `到 ${formatTime(g.endsAt)} 未凑齐，已付款的成员自动全额退款`;
}

export default function OwnerGroupsPage() {
  const { params } = useRouter();
  const [groupBuyId, setGroupBuyId] = useState(params.groupBuyId || undefined);
  const [filter, setFilter] = useState<Filter>(isFilter(params.status) ? params.status : 'all');
  const status = filter === 'all' ? undefined : filter;
  const list = usePagedList(
    (page) =>
      campaignOwnerApi.ownerGroups({
        ...page,
        limit: OWNER_GROUPS_PAGE_SIZE,
        ...(groupBuyId ? { groupBuyId } : {}),
        ...(status ? { status } : {}),
      }),
    `${groupBuyId ?? ''}:${filter}`,
  );
  usePagedListScroll(list, '.campaigns__list');
  useRefreshOnReturn(list.refresh);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="campaigns">
      <View className="campaigns__tabs">
        {FILTERS.map((f) => (
          <View
            key={f}
            className={f === filter ? 'campaigns__tab campaigns__tab--active' : 'campaigns__tab'}
            role="tab"
            aria-selected={f === filter}
            onClick={() => setFilter(f)}
          >
            {FILTER_LABEL[f]}
          </View>
        ))}
      </View>
      {groupBuyId ? (
        <View className="campaigns__filter">
          <Text>只看这个拼团活动的团</Text>
          <Text className="campaigns__filter-clear" onClick={() => setGroupBuyId(undefined)}>
            看全部活动
          </Text>
        </View>
      ) : null}
      <PagedList
        list={list}
        block="campaigns"
        empty={{ message: EMPTY[filter], actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(g) => (
          <View className="campaigns__card">
            <View className="campaigns__top">
              <Text className="campaigns__title">{g.title}</Text>
              <Text className={`campaigns__status campaigns__status--${g.status}`}>{GROUP_STATUS_LABEL[g.status]}</Text>
            </View>
            <Text className="campaigns__meta">{`${g.size}人团 · 已付款 ${g.members.length} 人`}</Text>
            <View className="campaigns__members">
              {g.members.map((m) => (
                <View key={`${m.joinedAt}:${m.nickname}`} className="campaigns__member">
                  {m.avatar ? (
                    <Image className="campaigns__avatar" src={m.avatar} mode="aspectFill" />
                  ) : (
                    <View className="campaigns__avatar">{m.nickname.slice(0, 1)}</View>
                  )}
                  <Text className="campaigns__nickname">{m.nickname}</Text>
                  {m.leader ? <Text className="campaigns__leader">团长</Text> : null}
                </View>
              ))}
            </View>
            <Text className="campaigns__meta">{groupState(g)}</Text>
          </View>
        )}
      />
    </View>
  );
}
