// The product's categories in the editor: the shop's categories as chips to pick (at most
// CATEGORIES_PER_PRODUCT_MAX), and a way to 商品分类 when the shop has none yet.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCategories } from '../../hooks/useCategories';
import { PAGES } from '../../routes';
import { CATEGORIES_PER_PRODUCT_MAX } from '../../../cloudfunctions/contracts/limits';

export interface CategoryPickerProps {
  picked: string[];
  onChange: (ids: string[]) => void;
}

export default function CategoryPicker({ picked, onChange }: CategoryPickerProps) {
  const categories = useCategories();
  const openCategories = () => void Taro.navigateTo({ url: PAGES.ownerCategories });

  const toggle = (id: string) => {
    // Only categories that still exist: one removed meanwhile leaves the product with the next save.
    const known = picked.filter((p) => categories.items.some((c) => c.id === p));
    if (known.includes(id)) return onChange(known.filter((p) => p !== id));
    if (known.length >= CATEGORIES_PER_PRODUCT_MAX) {
      void Taro.showToast({ title: `最多选 ${CATEGORIES_PER_PRODUCT_MAX} 个分类`, icon: 'none' });
      return;
    }
    onChange([...known, id]);
  };

  let body = null;
  if (categories.status === 'loading') body = <Text className="product-editor__muted">分类加载中…</Text>;
  else if (categories.status === 'error') {
    body = (
      <Text className="product-editor__muted" onClick={() => void categories.reload()}>
        {`${categories.error?.message ?? '加载失败'}，点击重试`}
      </Text>
    );
  } else if (categories.items.length === 0) {
    body = (
      <Text className="product-editor__muted" onClick={openCategories}>
        店里还没有分类，去添加 ›
      </Text>
    );
  } else {
    body = (
      <View className="product-editor__chips">
        {categories.items.map((c) => {
          const on = picked.includes(c.id);
          return (
            <View
              key={c.id}
              className={on ? 'product-editor__chip product-editor__chip--on' : 'product-editor__chip'}
              role="checkbox"
              aria-checked={on}
              onClick={() => toggle(c.id)}
            >
              {c.name}
            </View>
          );
        })}
      </View>
    );
  }

  return (
    <View className="product-editor__card">
      <Text className="product-editor__section">{`商品分类（最多 ${CATEGORIES_PER_PRODUCT_MAX} 个）`}</Text>
      {body}
    </View>
  );
}
