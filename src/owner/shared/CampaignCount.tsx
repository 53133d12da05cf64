// One figure of an activity's row on the owner's lists (已售/库存, 已成团…): the value over its label.
import { Text, View } from '@tarojs/components';

export default function CampaignCount({ label, value }: { label: string; value: number | string }) {
  return (
    <View className="campaigns__count" aria-label={label}>
      <Text className="campaigns__count-value">{String(value)}</Text>
      <Text className="campaigns__count-label">{label}</Text>
    </View>
  );
}
