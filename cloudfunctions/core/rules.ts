// The shop's rule numbers (DESIGN.md "Rules"): defaults here, the owner's values in the settings document.
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
}

export const DEFAULT_RULES: ShopRules = {
  shippingFeeFen: 1000,
  freeShippingFromFen: 9900,
  unpaidCancelMinutes: 30,
  autoConfirmDays: 10,
  afterSaleDays: 7,
};

/** The stored values over the defaults; anything missing or malformed falls back to its default. */
export function rulesOf(stored: Partial<Record<keyof ShopRules, unknown>> | undefined): ShopRules {
  const rules = { ...DEFAULT_RULES };
  for (const key of Object.keys(DEFAULT_RULES) as Array<keyof ShopRules>) {
    const value = stored?.[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) rules[key] = value;
  }
  return rules;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
