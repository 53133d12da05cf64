// 客户: the shop's customers (members who paid), searched by nickname or share code, filtered by one of the owner's
// tags, sorted by 最近下单 / 消费金额 / 订单数, a page at a time; a row opens the customer. No openid is ever shown:
// the function answers with an opaque member key.
import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { reportOwnerApi } from '../../api/report-owner';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { routes } from '../../routes';
import { CUSTOMER_QUERY_MAX } from '../../../cloudfunctions/contracts/limits';
import type { CustomerItem, CustomerSort } from '../../../cloudfunctions/contracts/report';
import NotOwner from '../shared/NotOwner';
import OwnerSearch from '../shared/OwnerSearch';
import { CUSTOMER_SORT_LABEL, CUSTOMER_SORT_LIST, customerLine } from '../shared/report-text';
import './index.scss';

export const CUSTOMERS_PAGE_SIZE = 20;

export default function OwnerCustomersPage() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<CustomerSort>('recent');
  // The owner's words in use, for the chips: the function names them on every first page, most used first.
  const tagsInUse = useRef<string[]>([]);

  const list = usePagedList(
    async (page) => {
      const res = await reportOwnerApi.customers({ ...page, q: q || undefined, tag, sort, limit: CUSTOMERS_PAGE_SIZE });
      if (!res.ok) return res;
      if (res.data.tags) tagsInUse.current = res.data.tags;
      return { ok: true as const, data: { ...res.data, items: res.data.items.map((c) => ({ ...c, id: c.memberId })) } };
    },
    JSON.stringify([q, tag ?? '', sort]),
  );
  usePagedListScroll(list, '.owner-customers__list');
  // Back from a customer whose tags changed.
  useRefreshOnReturn(list.refresh);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  // The chosen word stays offered even once no customer has it any more.
  const chips = tag && !tagsInUse.current.includes(tag) ? [...tagsInUse.current, tag] : tagsInUse.current;
  const showAll = () => {
    setQ('');
    setTag(undefined);
  };
  return (
    <View className="owner-customers">
      <OwnerSearch
        placeholder="搜索昵称或推广码"
        maxlength={CUSTOMER_QUERY_MAX}
        query={q}
        onSearch={setQ}
        onClear={() => setQ('')}
      >
        <View className="owner-customers__sorts">
          {CUSTOMER_SORT_LIST.map((s) => (
            <View
              key={s}
              className={s === sort ? 'owner-customers__sort owner-customers__sort--active' : 'owner-customers__sort'}
              onClick={() => setSort(s)}
            >
              {CUSTOMER_SORT_LABEL[s]}
            </View>
          ))}
        </View>
        {chips.length > 0 ? (
          <View className="owner-customers__chips">
            {chips.map((t) => (
              <View
                key={t}
                className={t === tag ? 'owner-customers__chip owner-customers__chip--active' : 'owner-customers__chip'}
                onClick={() => setTag(t === tag ? undefined : t)}
              >
                {t}
              </View>
            ))}
          </View>
        ) : null}
      </OwnerSearch>

      <PagedList
        list={list}
        block="owner-customers"
        empty={
          q || tag
            ? {
                message: '没有找到匹配的客户',
                actionText: '查看全部客户',
                onAction: showAll,
              }
            : { message: '还没有客户：买家付款后会出现在这里', actionText: '刷新', onAction: () => void list.refresh() }
        }
        renderItem={(c) => <CustomerRow customer={c} />}
      />
    </View>
  );
}

function CustomerRow({ customer: c }: { customer: CustomerItem }) {
  const open = () => void Taro.navigateTo({ url: routes.ownerCustomer(c.memberId) });
  return (
    <View className="owner-customers__row" hoverClass="owner-customers__row--pressed" onClick={open}>
      {c.avatarUrl ? (
        <Image className="owner-customers__avatar" src={c.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="owner-customers__avatar owner-customers__avatar--blank">{c.nickname.slice(0, 1)}</View>
      )}
      <View className="owner-customers__main">
        <View className="owner-customers__name-line">
          <Text className="owner-customers__name">{c.nickname}</Text>
          {c.tags.map((t) => (
            <Text key={t} className="owner-customers__tag">
              {t}
            </Text>
          ))}
        </View>
        <Text className="owner-customers__figures">{customerLine(c)}</Text>
      </View>
    </View>
  );
}
