import { SHARE_CODE_PATTERN as LINK_PATTERN } from '../contracts/limits';
import { defaultNickname, makeShareCode, SHARE_CODE_ALPHABET, SHARE_CODE_PATTERN } from './share-code';

test('a share code uses six symbols of the look-alike-free alphabet', () => {
  expect(makeShareCode(Uint8Array.from([0, 1, 2, 3, 4, 5]))).toBe('ABCDEF');
  expect(makeShareCode(Uint8Array.from([31, 32, 63, 255, 30, 29]))).toBe('9A99' + '87');
  for (let i = 0; i < 200; i++) {
    const bytes = Uint8Array.from({ length: 6 }, () => Math.floor(Math.random() * 256));
    expect(makeShareCode(bytes)).toMatch(SHARE_CODE_PATTERN);
  }
  expect(SHARE_CODE_ALPHABET).not.toMatch(/[IO01]/);
  // The contracts accept exactly the codes the alphabet can make (a code with I or O is refused).
  expect([...SHARE_CODE_ALPHABET].every((c) => LINK_PATTERN.test(c.repeat(6)))).toBe(true);
  expect(['IIIIII', 'OOOOOO', 'A1B2C3'].some((code) => LINK_PATTERN.test(code))).toBe(false);
  expect(() => makeShareCode(Uint8Array.from([1, 2]))).toThrow(RangeError);
});

test('a default nickname comes from the code', () => {
  expect(defaultNickname('K7M2QX')).toBe('友荐会员M2QX');
});
