// What the buyer's and the owner's case pages both show of an after-sale case: its lines and amount, the evidence
// (tap to preview), the return parcel, the refund number, and the history as a timeline (by 买家 / 商家 / 系统).
// Only the subpackage pages use it.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { HISTORY_BY } from '../../lib/after-sale';
import { formatFen } from '../../lib/money';
import { AFTER_SALE_TYPE_LABELS } from '../../lib/order-status';
import { formatTime } from '../../lib/time';
import type { Address, AfterSale } from '../../../cloudfunctions/contracts/order';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export function copyText(data: string, what: string) {
  Taro.setClipboardData({ data })
    .then(() => toast(`${what}已复制`))
    .catch(() => toast('复制失败'));
}

export const addressText = (a: Address) => `${a.name} ${a.phone} ${a.region} ${a.detail}`;

/** Photos in a row; a tap opens them full screen, starting at the one tapped. */
export function PhotoRow({ photos }: { photos: string[] }) {
  if (photos.length === 0) return null;
  return (
    <View className="case-photos">
      {photos.map((src) => (
        <Image
          key={src}
          className="case-photos__photo"
          src={src}
          mode="aspectFill"
          aria-label="查看图片"
          onClick={() => void Taro.previewImage({ current: src, urls: photos })}
        />
      ))}
    </View>
  );
}

function Row({ label, value, onCopy }: { label: string; value: string; onCopy?: () => void }) {
  return (
    <View className="case-card__row">
      <Text className="case-card__label">{label}</Text>
      <Text className="case-card__value">{value}</Text>
      {onCopy ? (
        <Text className="case-card__copy" onClick={onCopy}>
          复制
        </Text>
      ) : null}
    </View>
  );
}

/**
 * The owner sees only the evidence content security passed; the case says how many photos still wait for its verdict
 * and how many did not pass (the fields come with the lead's view of a case; absent, nothing is said).
 */
type WithPhotoChecks = AfterSale & { pendingPhotos?: number; rejectedPhotos?: number };

/** The case: type, lines, amount, reason, words and evidence, and the numbers of what followed. */
export function CaseDetails({ afterSale }: { afterSale: WithPhotoChecks }) {
  const a = afterSale;
  return (
    <View className="case-card">
      <Text className="case-card__title">{`${AFTER_SALE_TYPE_LABELS[a.type]}`}</Text>
      {a.lines.map((line) => (
        <View key={line.skuId} className="case-line">
          <Image className="case-line__image" src={line.image} mode="aspectFill" />
          <View className="case-line__body">
            <Text className="case-line__title">{line.title}</Text>
            <Text className="case-line__spec">{line.spec}</Text>
          </View>
          <Text className="case-line__qty">{`×${line.qty}`}</Text>
        </View>
      ))}
      <Row label="退款金额" value={formatFen(a.refundFen)} />
      <Row label="售后原因" value={a.reason} />
      {a.description ? <Row label="问题描述" value={a.description} /> : null}
      <PhotoRow photos={a.photos} />
      {a.pendingPhotos ? <Text className="case-card__note">{`另有 ${a.pendingPhotos} 张图片审核中`}</Text> : null}
      {a.rejectedPhotos ? <Text className="case-card__note">{`${a.rejectedPhotos} 张图片未通过审核`}</Text> : null}
      {a.rejectReason ? <Row label="拒绝原因" value={a.rejectReason} /> : null}
      {a.returnShipping ? (
        <Row
          label="退货物流"
          value={`${a.returnShipping.carrier} ${a.returnShipping.trackingNo}`}
          onCopy={() => copyText(a.returnShipping!.trackingNo, '运单号')}
        />
      ) : null}
      {a.outRefundNo ? <Row label="退款单号" value={a.outRefundNo} /> : null}
      {a.refundedAt ? <Row label="退款时间" value={formatTime(a.refundedAt)} /> : null}
      <Row label="售后编号" value={a.id} onCopy={() => copyText(a.id, '售后编号')} />
      <Row label="申请时间" value={formatTime(a.createdAt)} />
    </View>
  );
}

/** Where the goods go back, copyable as one line. */
export function ReturnAddress({ address }: { address: Address }) {
  return (
    <View className="case-card">
      <View className="case-card__head">
        <Text className="case-card__title">退货地址</Text>
        <Text className="case-card__copy" onClick={() => copyText(addressText(address), '退货地址')}>
          复制
        </Text>
      </View>
      <Text className="case-card__address">{`${address.name} ${address.phone}`}</Text>
      <Text className="case-card__address">{`${address.region} ${address.detail}`}</Text>
    </View>
  );
}

/** The history, newest first. */
export function CaseHistory({ afterSale }: { afterSale: AfterSale }) {
  if (afterSale.history.length === 0) return null;
  return (
    <View className="case-card">
      <Text className="case-card__title">协商历史</Text>
      <View className="case-history">
        {[...afterSale.history].reverse().map((entry, i) => (
          <View
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; entries have no id
            key={`${i}:${entry.at}`}
            className={i === 0 ? 'case-history__item case-history__item--latest' : 'case-history__item'}
          >
            <View className="case-history__dot" />
            <View className="case-history__body">
              <Text className="case-history__label">{`${HISTORY_BY[entry.by]}：${entry.label}`}</Text>
              {entry.text ? <Text className="case-history__text">{entry.text}</Text> : null}
              {entry.photos?.length ? <PhotoRow photos={entry.photos} /> : null}
              <Text className="case-history__time">{formatTime(entry.at)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
