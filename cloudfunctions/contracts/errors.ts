// Every error code the functions can answer with, and the message a shop user sees for it.
// Codes are dotted and stable; clients branch on the code, never on the message.

export const ERRORS = {
  'input.invalid': '请求参数有误',
  'action.unknown': '不支持的操作',
  'auth.required': '请先登录',
  'auth.not_owner': '仅店主可以操作',
  'product.not_found': '商品不存在或已下架',
  'product.photo_missing': '有图片没有上传成功，请删除后重新上传',
  'product.sku_unknown': '规格不存在，请刷新后再编辑',
  'product.sku_duplicate': '规格名称不能重复',
  'product.stock_by_adjustment': '已有规格的库存请通过「调整库存」修改',
  'product.too_many_skus': '规格数量已达上限（含已删除的规格），请新建商品',
  'product.request_conflict': '同一请求的内容不一致，请刷新后重试',
  'category.not_found': '分类不存在，请刷新后重试',
  'category.name_taken': '已有同名的分类，请换一个名称',
  'category.too_many': '分类数量已达上限，请先删除不用的分类',
  'favorite.too_many': '收藏数量已达上限，请先取消一些收藏',
  'stock.below_zero': '库存不足，不能扣减到 0 以下',
  'stock.busy': '库存正在变动，请稍后重试',
  'order.not_found': '订单不存在',
  'order.sku_unavailable': '商品规格不存在或已下架',
  'order.stock_insufficient': '库存不足',
  'order.invalid_transition': '当前订单状态不支持该操作',
  'order.request_conflict': '同一下单请求的内容不一致，请重新下单',
  'order.after_sale_open': '这笔订单有处理中的售后申请，请先处理售后',
  'afterSale.not_found': '售后申请不存在',
  'afterSale.open_exists': '这笔订单已有一个处理中的售后申请',
  'afterSale.invalid_transition': '当前售后状态不支持该操作',
  'afterSale.lines_invalid': '售后商品或数量有误',
  'afterSale.amount_invalid': '退款金额超过了可退金额',
  'afterSale.return_not_shipped': '订单还未发货，只能申请仅退款',
  'afterSale.window_closed': '已超过售后期限',
  'afterSale.order_not_paid': '订单未付款，无需申请售后',
  'afterSale.reopen_used': '每个售后申请只能再次申请一次',
  'afterSale.reopen_instead': '这笔订单有被拒绝的售后申请，请在原申请中补充说明后再次申请',
  'afterSale.address_required': '请填写退货地址',
  'afterSale.reason_required': '请填写拒绝原因',
  'share.sharer_not_found': '推荐人不存在',
  'share.poster_failed': '生成小程序码失败，请稍后重试',
  'withdraw.insufficient': '可提现金额不足',
  'withdraw.open_exists': '已有一笔提现正在处理，请等店主处理后再申请',
  'withdraw.not_found': '提现申请不存在',
  'withdraw.already_decided': '该提现申请已处理',
  'withdraw.reason_required': '请填写拒绝原因',
  'points.insufficient': '积分不足',
  'points.over_cap': '积分抵扣超过了本单可用上限',
  'points.not_whole': '积分需按整数抵扣',
  'coupon.not_found': '优惠券不存在',
  'coupon.not_member': '请先开通会员卡再领券',
  'coupon.not_claimable': '优惠券已停止发放或已结束',
  'coupon.claimed_out': '优惠券已领完',
  'coupon.limit_reached': '已达到每人限领张数',
  'coupon.busy': '领券人数较多，请稍后重试',
  'coupon.in_use': '优惠券已被其他订单使用',
  'coupon.expired': '优惠券已过期',
  'coupon.not_started': '优惠券未到使用时间',
  'coupon.not_applicable': '优惠券不适用于所选商品',
  'coupon.below_threshold': '未达到优惠券的使用门槛',
  'coupon.off_required': '满减券需要填写减免金额（不填折扣）',
  'coupon.percent_required': '折扣券需要填写折扣（不填减免金额）',
  'coupon.max_off_invalid': '最多优惠金额只适用于折扣券',
  'coupon.products_required': '指定商品券需要选择商品；全部商品券不选商品',
  'coupon.validity_required': '有效期请二选一：截止时间，或领取后有效天数',
  'coupon.window_invalid': '开始时间需早于截止时间，截止时间需晚于现在',
  'coupon.terms_frozen': '优惠券已有人领取，不能再修改优惠内容和有效期',
  'coupon.total_below_claimed': '发放总量不能少于已领取的张数',
  'review.not_allowed': '只有订单完成后才能评价',
  'review.duplicate': '这件商品已经评价过了',
  'review.order_refunded': '已退款的订单不能评价',
  'review.not_found': '评价不存在',
  'content.risky': '内容含有违规信息，请修改后再提交',
  'content.check_failed': '内容安全检查暂不可用，请稍后重试',
  'upload.failed': '图片上传失败，请重试',
  'photo.not_yours': '只能使用你自己上传的图片，请删除后重新上传',
  'settings.last_owner': '店铺至少要有一位店主，不能移除最后一位',
  'settings.member_not_found': '找不到这个会员码对应的会员',
  'pay.failed': '发起支付失败，请稍后重试',
  'refund.failed': '发起退款失败，请稍后重试',
  'system.busy': '系统繁忙，请重试',
  network: '网络异常，请稍后重试',
  internal: '系统繁忙，请稍后重试',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The one response shape of every cloud function; only src/api/client.ts unpacks it. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** An expected failure of a use case: becomes `{ ok: false, error }` with its code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code],
  ) {
    super(message);
  }
}
