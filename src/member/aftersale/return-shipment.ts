// 填写退货物流: the carrier (one of COURIERS, or typed) and the tracking number, as shipReturn checks them.
import { CARRIER_BOUNDS, TRACKING_NO_PATTERN } from '../../../cloudfunctions/contracts/limits';

export interface ReturnShipment {
  carrier: string;
  trackingNo: string;
}

/** The trimmed shipment, or what is wrong with each field. */
export function checkReturnShipment(
  carrier: string,
  trackingNo: string,
): { shipment: ReturnShipment } | { errors: Partial<Record<keyof ReturnShipment, string>> } {
  const c = carrier.trim();
  const t = trackingNo.trim();
  const errors: Partial<Record<keyof ReturnShipment, string>> = {};
  const { min, max } = CARRIER_BOUNDS;
  if (c.length < min || c.length > max) errors.carrier = `请选择或填写快递公司（${min}-${max} 个字）`;
  if (!TRACKING_NO_PATTERN.test(t)) errors.trackingNo = '运单号为 6-32 位字母、数字或短横线';
  return Object.keys(errors).length > 0 ? { errors } : { shipment: { carrier: c, trackingNo: t } };
}
