// The delivery address rules of the `order` contract (cloudfunctions/contracts/order.ts `address`), checked here
// too so the buyer hears about a mistake next to the field instead of from a failed order.
import { ADDRESS_BOUNDS, hasVisibleText, PHONE_PATTERN } from '../../../cloudfunctions/contracts/limits';
import type { Address } from '../../../cloudfunctions/contracts/order';

export type AddressField = keyof Address;
export type AddressErrors = Partial<Record<AddressField, string>>;
export type AddressDraft = Record<AddressField, string>;

/** The contract's PHONE_PATTERN: a mainland mobile number. */
export const MOBILE_PATTERN = PHONE_PATTERN;

const { name, region, detail } = ADDRESS_BOUNDS;
/** Trimmed text between `min` and `max` characters that shows something, as the contract's `requiredText`. */
const LIMITS: Record<
  Exclude<AddressField, 'phone'>,
  { min: number; max: number; missing: string; short: string; long: string }
> = {
  name: { ...name, missing: '请填写收货人', short: '请填写收货人', long: `收货人最多 ${name.max} 个字` },
  region: {
    ...region,
    missing: '请填写所在地区',
    short: `所在地区至少 ${region.min} 个字`,
    long: `所在地区最多 ${region.max} 个字`,
  },
  detail: {
    ...detail,
    missing: '请填写详细地址',
    short: `详细地址至少 ${detail.min} 个字`,
    long: `详细地址最多 ${detail.max} 个字`,
  },
};

export type AddressCheck = { ok: true; address: Address } | { ok: false; errors: AddressErrors };

export function validateAddress(draft: AddressDraft): AddressCheck {
  const address: Address = {
    name: draft.name.trim(),
    phone: draft.phone.replace(/\s+/g, ''),
    region: draft.region.trim(),
    detail: draft.detail.trim(),
  };
  const errors: AddressErrors = {};
  for (const field of ['name', 'region', 'detail'] as const) {
    const { min, max, missing, short, long } = LIMITS[field];
    const value = address[field];
    if (!hasVisibleText(value)) errors[field] = missing;
    else if (value.length < min) errors[field] = short;
    else if (value.length > max) errors[field] = long;
  }
  if (address.phone.length === 0) errors.phone = '请填写手机号';
  else if (!MOBILE_PATTERN.test(address.phone)) errors.phone = '请填写正确的 11 位手机号';
  return Object.keys(errors).length === 0 ? { ok: true, address } : { ok: false, errors };
}

/** WeChat's address book entry (Taro.chooseAddress) as the order's address. */
export function fromWechatAddress(res: {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
}): AddressDraft {
  // Municipalities come back as 北京市 / 北京市: say the city once.
  const parts = [res.provinceName, res.cityName === res.provinceName ? '' : res.cityName, res.countyName];
  return {
    name: res.userName ?? '',
    phone: res.telNumber ?? '',
    region: parts.filter(Boolean).join(' '),
    detail: res.detailInfo ?? '',
  };
}
