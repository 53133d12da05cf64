// 商品分类: the shop's categories in the order buyers see them on the 分类 tab, each with how many products are in
// it; the owner adds, renames, moves up or down, and removes one (after asking: its products stay in the shop).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import PageState from '../../components/PageState';
import { useCategories } from '../../hooks/useCategories';
import { CATEGORIES_MAX } from '../../../cloudfunctions/contracts/limits';
import type { Category } from '../../../cloudfunctions/contracts/shop';
import LoadGate from '../shared/LoadGate';
import CategorySheet from './CategorySheet';
import { move, nextSort } from './order';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

export default function OwnerCategoriesPage() {
  const categories = useCategories();
  const { items } = categories;
  /** The category being named: a new one (null) or one to rename. */
  const [editing, setEditing] = useState<Category | null | undefined>(undefined);
  /** One change at a time: the id being changed, or 'new'. */
  const [busy, setBusy] = useState<string | null>(null);

  if (categories.status !== 'ready' || categories.error?.code === 'auth.not_owner') {
    return <LoadGate error={categories.error} reload={categories.reload} />;
  }

  const save = async (name: string) => {
    const target = editing;
    if (busy || target === undefined) return;
    setBusy(target?.id ?? 'new');
    const res = await shopApi.saveCategory(
      target ? { id: target.id, name, sort: target.sort } : { name, sort: nextSort(items) },
    );
    setBusy(null);
    if (!res.ok) return toast(res.error.message);
    const saved = res.data.category;
    categories.setItems((list) =>
      target ? list.map((c) => (c.id === saved.id ? { ...c, ...saved } : c)) : [...list, saved],
    );
    setEditing(undefined);
    toast('已保存', 'success');
  };

  const shift = async (index: number, by: -1 | 1) => {
    const moved = busy ? null : move(items, index, by);
    if (!moved) return;
    setBusy(items[index].id);
    categories.setItems(() => moved.items);
    for (const c of moved.changed) {
      const res = await shopApi.saveCategory({ id: c.id, name: c.name, sort: c.sort });
      if (!res.ok) {
        toast(res.error.message);
        break;
      }
    }
    setBusy(null);
    // What the shop holds now, whether every number was saved or not.
    await categories.reload();
  };

  const remove = async (c: Category) => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '删除分类',
      content: `删除「${c.name}」后，其中的商品仍在店里，只是不再属于这个分类。`,
      confirmText: '删除',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(c.id);
    const res = await shopApi.removeCategory({ id: c.id });
    setBusy(null);
    if (!res.ok) return toast(res.error.message);
    categories.setItems((list) => list.filter((x) => x.id !== c.id));
    toast('已删除', 'success');
  };

  const full = items.length >= CATEGORIES_MAX;
  return (
    <View className="owner-categories">
      {categories.error ? (
        <View className="owner-categories__notice">{`刷新失败：${categories.error.message}`}</View>
      ) : null}
      {items.length === 0 ? (
        <PageState kind="empty" message="还没有分类，点「新建分类」添加第一个" />
      ) : (
        <View className="owner-categories__card">
          {items.map((c, i) => (
            <View key={c.id} className="owner-categories__row" aria-label={c.name}>
              <View className="owner-categories__body">
                <Text className="owner-categories__name">{c.name}</Text>
                {c.products !== undefined ? (
                  <Text className="owner-categories__count">{`${c.products} 件商品`}</Text>
                ) : null}
              </View>
              {busy === c.id ? <Text className="owner-categories__busy">处理中…</Text> : null}
              <Text
                className={
                  i === 0 ? 'owner-categories__action owner-categories__action--off' : 'owner-categories__action'
                }
                aria-disabled={i === 0}
                onClick={() => void shift(i, -1)}
              >
                上移
              </Text>
              <Text
                className={
                  i === items.length - 1
                    ? 'owner-categories__action owner-categories__action--off'
                    : 'owner-categories__action'
                }
                aria-disabled={i === items.length - 1}
                onClick={() => void shift(i, 1)}
              >
                下移
              </Text>
              <Text className="owner-categories__action" onClick={() => busy || setEditing(c)}>
                重命名
              </Text>
              <Text className="owner-categories__action owner-categories__action--warn" onClick={() => void remove(c)}>
                删除
              </Text>
            </View>
          ))}
        </View>
      )}
      <Text className="owner-categories__hint">
        {`买家在「分类」页按这里的顺序看到分类；最多 ${CATEGORIES_MAX} 个。在商品编辑页为商品选择分类。`}
      </Text>

      <View className="owner-categories__bar">
        <View
          className={full ? 'owner-categories__create owner-categories__create--off' : 'owner-categories__create'}
          aria-disabled={full}
          onClick={() => (full ? toast(`最多 ${CATEGORIES_MAX} 个分类`) : busy || setEditing(null))}
        >
          新建分类
        </View>
      </View>

      {editing !== undefined ? (
        <CategorySheet
          title={editing ? '重命名分类' : '新建分类'}
          name={editing?.name ?? ''}
          busy={busy !== null}
          onSubmit={(name) => void save(name)}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </View>
  );
}
