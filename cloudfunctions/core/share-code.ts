// A member's shareCode: short (it travels in links and in a 32-character QR scene), stable once issued,
// and unrelated to the openid. Randomness is passed in, so the rule stays pure and testable.

/** 32 symbols without look-alikes (no I, O, 0, 1): 32^6 ≈ 1.07 billion codes. */
export const SHARE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const SHARE_CODE_LENGTH = 6;
/** The contracts' pattern: exactly the codes this alphabet makes. */
export { SHARE_CODE_PATTERN } from '../contracts/limits';

/** Makes a code from SHARE_CODE_LENGTH random bytes (each byte picks one symbol; 256 is a multiple of 32). */
export function makeShareCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < SHARE_CODE_LENGTH) throw new RangeError(`need ${SHARE_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) code += SHARE_CODE_ALPHABET[randomBytes[i] % SHARE_CODE_ALPHABET.length];
  return code;
}

/** The nickname of a member who has not set one: WeChat no longer hands out names, so it is derived from the code. */
export function defaultNickname(shareCode: string): string {
  return `友荐会员${shareCode.slice(-4)}`;
}
