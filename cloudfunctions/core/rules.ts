// The shop's rule numbers (DESIGN.md "Rules"): defaults here, the owner's values in the settings document.
// From limits.ts, not the functions' contracts: every function bundles these rules, and a contract brings its
// schemas along.
import { POINTS_RULE_BOUNDS, SHOP_RULE_BOUNDS } from '../contracts/limits';

type Bounds = Record<string, { min: number; max: number }>;
const minOf = <B extends Bounds>(b: B) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.min])) as Record<keyof B, number>;
const maxOf = <B extends Bounds>(b: B) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.max])) as Record<keyof B, number>;
export interface ShopRules {
  /** Shipping charged below the free-shipping threshold, in fen. */
  shippingFeeFen: number;
  /** Goods amount (fen) from which shipping is free. */
  freeShippingFromFen: number;
  /** An order unpaid this long is cancelled and its stock released. */
  unpaidCancelMinutes: number;
  /** Receipt is confirmed automatically this long after shipping. */
  autoConfirmDays: number;
  /** A completed order can still be refunded this long after completion. */
  afterSaleDays: number;
  /** An after-sale request the owner has not answered this long is approved automatically. */
  afterSaleReplyDays: number;
  /** An approved return the buyer has not shipped this long closes. */
  returnShipDays: number;
  /** A return shipped this long ago and not marked received is received automatically. */
  returnReceiveDays: number;
  /** Commission rate of products without their own, in basis points (500 = 5%). */
  commissionRateBp: number;
  /** A share's binding lasts this long, and an order through it extends it this long from the order. */
  bindingDays: number;
  /** Points earned per ¥1 of goods paid (floored to whole yuan). */
  pointsEarnPerYuan: number;
  /** Points that pay ¥1 at checkout. */
  pointsPerYuan: number;
  /** Most of an order's goods amount points may pay, in basis points. */
  pointsCapBp: number;
  /** Points given once on joining (开卡有礼). */
  welcomePoints: number;
  /** A lot of points expires this long after it is credited. */
  pointsExpiryDays: number;
}

export const DEFAULT_RULES: ShopRules = {
  shippingFeeFen: 1000,
  freeShippingFromFen: 9900,
  unpaidCancelMinutes: 30,
  autoConfirmDays: 10,
  afterSaleDays: 7,
  afterSaleReplyDays: 2,
  returnShipDays: 7,
  returnReceiveDays: 10,
  commissionRateBp: 500,
  bindingDays: 15,
  pointsEarnPerYuan: 1,
  pointsPerYuan: 100,
  pointsCapBp: 5000,
  welcomePoints: 100,
  pointsExpiryDays: 365,
};

/**
 * Lowest and highest value each rule may take (the contracts' bounds); a stored value outside falls back to the
 * default.
 */
const RULE_MIN: Record<keyof ShopRules, number> = { ...minOf(SHOP_RULE_BOUNDS), ...minOf(POINTS_RULE_BOUNDS) };
const RULE_MAX: Record<keyof ShopRules, number> = { ...maxOf(SHOP_RULE_BOUNDS), ...maxOf(POINTS_RULE_BOUNDS) };

/** The stored values over the defaults; anything missing or malformed falls back to its default. */
export function rulesOf(stored: Partial<Record<keyof ShopRules, unknown>> | undefined): ShopRules {
  const rules = { ...DEFAULT_RULES };
  for (const key of Object.keys(DEFAULT_RULES) as Array<keyof ShopRules>) {
    const value = stored?.[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= RULE_MIN[key] && value <= RULE_MAX[key])
      rules[key] = value;
  }
  return rules;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
