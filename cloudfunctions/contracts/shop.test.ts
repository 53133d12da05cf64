import * as v from 'valibot';
import { shopInputs } from './shop';

describe('shop input schemas', () => {
  test('listProducts accepts paging and refuses anything else', () => {
    expect(v.safeParse(shopInputs.listProducts, {}).success).toBe(true);
    expect(v.safeParse(shopInputs.listProducts, { cursor: 'abc', limit: 10 }).success).toBe(true);
    expect(v.safeParse(shopInputs.listProducts, { limit: 0 }).success).toBe(false);
    expect(v.safeParse(shopInputs.listProducts, { limit: 51 }).success).toBe(false);
    expect(v.safeParse(shopInputs.listProducts, { limit: '10' }).success).toBe(false);
    expect(v.safeParse(shopInputs.listProducts, { cursor: 'x'.repeat(201) }).success).toBe(false);
    expect(v.safeParse(shopInputs.listProducts, { offset: 10 }).success).toBe(false);
  });

  test('getProduct needs a short id and takes an optional shareCode', () => {
    expect(v.safeParse(shopInputs.getProduct, { id: 'puer357' }).success).toBe(true);
    expect(v.safeParse(shopInputs.getProduct, { id: 'puer357', s: 'K7M2QX' }).success).toBe(true);
    expect(v.safeParse(shopInputs.getProduct, { id: 'a'.repeat(17) }).success).toBe(false);
    expect(v.safeParse(shopInputs.getProduct, { id: 'puer357', s: 'k7m2qx' }).success).toBe(false);
    expect(v.safeParse(shopInputs.getProduct, { id: { $gt: '' } }).success).toBe(false);
  });

  test('session takes nothing: identity is never an input', () => {
    expect(v.safeParse(shopInputs.session, {}).success).toBe(true);
    expect(v.safeParse(shopInputs.session, { openid: 'someone' }).success).toBe(false);
  });
});
