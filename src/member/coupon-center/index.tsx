// 领券中心: the coupons on offer (all, or those of the product it was opened from), each with its terms and 立即领取,
// 已领取 n 张 or 已领完. Claiming needs a member card: someone without one is offered 开卡 first. The claim's result
// or the server's refusal is said, and the list is read again.
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import CouponCard from '../../components/CouponCard';
import PageState from '../../components/PageState';
import { couponValidity } from '../../lib/coupon';
import { PAGES } from '../../routes';
import { useSession } from '../../stores/session';
import type { AvailableCoupon } from '../../../cloudfunctions/contracts/coupon';
import { SHORT_ID_PATTERN } from '../../../cloudfunctions/contracts/limits';
import { useCouponCenter, type CouponCenter } from './useCouponCenter';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function CouponCenterPage() {
  const { params } = useRouter();
  const productId = params.productId && SHORT_ID_PATTERN.test(params.productId) ? params.productId : undefined;
  const center = useCouponCenter(productId);
  const { items, error } = center;

  useEffect(() => {
    void useSession.getState().load();
  }, []);
  usePullDownRefresh(() => {
    void center.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!items) {
    return error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void center.reload()} />
    ) : (
      <PageState kind="loading" />
    );
  }

  return (
    <View className="coupon-center">
      <View className="coupon-center__head">
        <Text className="coupon-center__title">{productId ? '本商品可领的优惠券' : '店铺优惠券'}</Text>
        <Text className="coupon-center__mine" onClick={() => void Taro.navigateTo({ url: PAGES.memberCoupons })}>
          我的优惠券 ›
        </Text>
      </View>
      {error ? <View className="coupon-center__notice">{`刷新失败：${error.message}`}</View> : null}
      {items.length === 0 ? (
        <PageState
          kind="empty"
          message="暂时没有可以领取的优惠券"
          actionText="去逛逛"
          onAction={() => void Taro.switchTab({ url: PAGES.home })}
        />
      ) : (
        <ScrollView className="coupon-center__list" scrollY>
          {items.map((c) => (
            <CouponCard key={c.id} terms={c} validity={couponValidity(c)} muted={!c.canClaim} note={heldNote(c)}>
              <ClaimButton coupon={c} center={center} />
            </CouponCard>
          ))}
        </ScrollView>
      )}
    </View>
  );
}

/** 已领取 n 张 under the terms while one more can still be claimed (the button says it otherwise). */
function heldNote(c: AvailableCoupon): string | undefined {
  return c.canClaim && c.held > 0 ? `已领取 ${c.held} 张，每人限领 ${c.perMember} 张` : undefined;
}

function ClaimButton({ coupon, center }: { coupon: AvailableCoupon; center: CouponCenter }) {
  const claimingThis = center.claiming === coupon.id;
  if (!coupon.canClaim) {
    const label =
      coupon.held > 0 ? `已领取 ${coupon.held} 张` : coupon.status === 'claimed_out' ? '已领完' : '不可领取';
    return (
      <View className="coupon-center__claim coupon-center__claim--done" aria-disabled>
        {label}
      </View>
    );
  }
  return (
    <View
      className={claimingThis ? 'coupon-center__claim coupon-center__claim--busy' : 'coupon-center__claim'}
      aria-disabled={center.claiming !== null}
      onClick={() => void claim(coupon, center)}
    >
      {claimingThis ? '领取中…' : '立即领取'}
    </View>
  );
}

async function claim(coupon: AvailableCoupon, center: CouponCenter): Promise<void> {
  if (center.claiming) return;
  await useSession.getState().load();
  const user = useSession.getState().user;
  if (!user?.isMember) {
    const { confirm } = await Taro.showModal({
      title: '开通会员卡',
      content: '领取优惠券需要先开通会员卡。开卡免费，开卡还送积分。',
      confirmText: '立即开卡',
      cancelText: '暂不',
    });
    if (!confirm) return;
    const joined = await center.join();
    if (!joined.ok) {
      toast(joined.error.message);
      return;
    }
  }
  const res = await center.claim(coupon.id);
  if (!res) return;
  if (res.ok) void Taro.showToast({ title: '领取成功', icon: 'success' });
  else toast(res.error.message);
}
