// 我的拼团: the groups the member started or joined, newest first, a page at a time: the product, where the group
// stands (还差 n 人 while forming, 拼团成功, 拼团未成功 with the money back) and the way to its page.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { campaignApi } from '../../api/campaign';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { GROUP_STATUS_LABELS, slotsLeftText } from '../../lib/campaign';
import { formatTime } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import type { CampaignResults } from '../../../cloudfunctions/contracts/campaign';
import './index.scss';

export const MY_GROUPS_PAGE_SIZE = 20;

type MyGroup = CampaignResults['myGroups']['items'][number];

/** The line under the title: what happens next, or what happened. */
function stateText(g: MyGroup): string {
  if (g.status === 'forming') {
    if (g.mine && !g.mine.paid) return '待付款，付款后占下名额';
    return `${slotsLeftText(g.slotsLeft)}成团 · ${formatTime(g.endsAt)} 截止`;
  }
  return g.status === 'succeeded' ? `${g.size} 人已成团，等待发货` : '未成团，款项已原路退回';
}

export default function MyGroupsPage() {
  const list = usePagedList((page) => campaignApi.myGroups({ ...page, limit: MY_GROUPS_PAGE_SIZE }), 'mine');
  usePagedListScroll(list, '.my-groups__list');

  return (
    <View className="my-groups">
      <PagedList
        list={list}
        block="my-groups"
        empty={{
          message: '还没有参加过拼团',
          actionText: '去逛逛',
          onAction: () => void Taro.switchTab({ url: PAGES.home }),
        }}
        renderItem={(g) => (
          <View
            className="my-group"
            hoverClass="my-group--pressed"
            onClick={() => void Taro.navigateTo({ url: routes.campaignGroup(g.id) })}
          >
            <Image className="my-group__image" src={g.image} mode="aspectFill" />
            <View className="my-group__body">
              <View className="my-group__head">
                <Text className="my-group__title">{g.title}</Text>
                <Text className={`my-group__status my-group__status--${g.status}`}>
                  {GROUP_STATUS_LABELS[g.status]}
                </Text>
              </View>
              <Text className="my-group__size">{`${g.size}人团 · ${g.members.length} 人已付款`}</Text>
              <Text className="my-group__state">{stateText(g)}</Text>
            </View>
          </View>
        )}
      />
    </View>
  );
}
