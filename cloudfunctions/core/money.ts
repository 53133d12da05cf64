// Money is integer fen everywhere on the server; this module is the only place it is created and computed.

declare const fenBrand: unique symbol;
/** An amount of money in fen (1/100 yuan): a non-negative safe integer. */
export type Fen = number & { readonly [fenBrand]: true };

/** Basis points: 500 = 5%. */
export type BasisPoints = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function toFen(value: number): Fen {
  if (!isFen(value)) throw new RangeError(`not an amount in fen: ${value}`);
  return value;
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return toFen(amounts.reduce<number>((total, a) => total + a, 0));
}

export function timesQty(price: Fen, qty: number): Fen {
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`not a quantity: ${qty}`);
  return toFen(price * qty);
}

/** `amount × rate`, rounded down to the fen (commission and points round down). */
export function applyRateFloor(amount: Fen, rate: BasisPoints): Fen {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000)
    throw new RangeError(`not a rate in basis points: ${rate}`);
  return toFen(Math.floor((amount * rate) / 10_000));
}

export function minFen(amounts: readonly Fen[]): Fen {
  if (amounts.length === 0) throw new RangeError('no amounts');
  return toFen(Math.min(...amounts));
}

/** 1290 → "12.90": the yuan digits of a non-negative amount, for the history and timeline texts the server writes. */
export function formatYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
