// The `points` function: the member card (开卡) and its welcome gift, the balance, and the ledger. Earning and
// spending happen inside the order flows (order.create takes `pointsToUse`; completion credits, cancel and refund
// give back). src/ imports these as types only.
import * as v from 'valibot';
import { POINTS_RULE_BOUNDS } from './limits';

export const POINTS_FUNCTION = 'points';

const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

// Where the functions and tests have always imported them from (the limits live in ./limits, free of valibot).
export { EXPIRING_SOON_DAYS, POINTS_RULE_BOUNDS } from './limits';

export type PointsRuleName = keyof typeof POINTS_RULE_BOUNDS;

const rule = (name: PointsRuleName) => v.optional(int(POINTS_RULE_BOUNDS[name].min, POINTS_RULE_BOUNDS[name].max));

export const pointsInputs = {
  join: v.strictObject({}),
  balance: v.strictObject({}),
  ledger: v.strictObject({ cursor, limit }),
  rules: v.strictObject({}),
  /** Any of the rules; the others stay. Applies to orders placed (and members joining) from now on. */
  setRules: v.strictObject({
    pointsEarnPerYuan: rule('pointsEarnPerYuan'),
    pointsPerYuan: rule('pointsPerYuan'),
    pointsCapBp: rule('pointsCapBp'),
    welcomePoints: rule('welcomePoints'),
    pointsExpiryDays: rule('pointsExpiryDays'),
  }),
};

export type PointsAction = keyof typeof pointsInputs;
export type PointsInput<A extends PointsAction> = v.InferOutput<(typeof pointsInputs)[A]>;

export interface PointsBalance {
  /** Joined (开卡): the member card is shown instead of the invitation to join. */
  isMember: boolean;
  /** Spendable now. */
  available: number;
  /** Earned on completed orders whose after-sale window is still open. */
  pending: number;
  /** Of `available`, what expires within EXPIRING_SOON_DAYS. */
  expiringSoon: number;
  /** The earliest expiry of spendable points, if any: how many and when (ISO). */
  nextExpiry: { points: number; at: string } | null;
  /** The shop's points rules as they stand, so the member can read them with figures. */
  rules: PointsRules;
}

export type PointsEntryKind = 'welcome' | 'earn' | 'spendable' | 'cancel' | 'spend' | 'return' | 'expire';

/** One ledger entry: what changed in the spendable and pending balances, why, and when. */
export interface PointsEntry {
  id: string;
  kind: PointsEntryKind;
  /** Change of the spendable balance (negative for spend and expire). */
  available: number;
  /** Change of the pending balance. */
  pending: number;
  orderId?: string;
  /** ISO time. */
  at: string;
}

export interface PointsRules {
  pointsEarnPerYuan: number;
  pointsPerYuan: number;
  pointsCapBp: number;
  welcomePoints: number;
  pointsExpiryDays: number;
}

export interface PointsResults {
  /** `gift`: the points the welcome gift added now (0 when the member had joined before). */
  join: { gift: number; balance: PointsBalance };
  balance: PointsBalance;
  ledger: { items: PointsEntry[]; nextCursor: string | null };
  rules: PointsRules;
  setRules: PointsRules;
}

/** What a checkout may spend: shown by order.quote. */
export interface PointsOffer {
  available: number;
  /** Most points this order can take: within the balance and the cap, a whole number of steps. */
  maxUsable: number;
  /** Points per ¥1. */
  perYuan: number;
  /** Points are spent in multiples of this (so that every spend is a whole number of fen). */
  step: number;
  /** The cap in basis points of the goods amount. */
  capBp: number;
}
