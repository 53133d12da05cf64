// The `shop` cloud function, typed by its contracts.
import { callFunction } from './client';
import type { ShopAction, ShopInput, ShopResults } from '../../cloudfunctions/contracts/shop';

const call = <A extends ShopAction>(action: A, input: ShopInput<A>) =>
  callFunction<ShopResults[A]>('shop', action, input);

export const shopApi = {
  session: () => call('session', {}),
  listProducts: (input: ShopInput<'listProducts'>) => call('listProducts', input),
  getProduct: (input: ShopInput<'getProduct'>) => call('getProduct', input),
  categories: () => call('categories', {}),
  saveCategory: (input: ShopInput<'saveCategory'>) => call('saveCategory', input),
  removeCategory: (input: ShopInput<'removeCategory'>) => call('removeCategory', input),
  favorite: (input: ShopInput<'favorite'>) => call('favorite', input),
  favorites: (input: ShopInput<'favorites'>) => call('favorites', input),
  listReviews: (input: ShopInput<'listReviews'>) => call('listReviews', input),
  review: (input: ShopInput<'review'>) => call('review', input),
  myReview: (input: ShopInput<'myReview'>) => call('myReview', input),
  ownerReviews: (input: ShopInput<'ownerReviews'>) => call('ownerReviews', input),
  replyReview: (input: ShopInput<'replyReview'>) => call('replyReview', input),
  hideReview: (input: ShopInput<'hideReview'>) => call('hideReview', input),
  ownerProducts: (input: ShopInput<'ownerProducts'>) => call('ownerProducts', input),
  ownerProduct: (input: ShopInput<'ownerProduct'>) => call('ownerProduct', input),
  saveProduct: (input: ShopInput<'saveProduct'>) => call('saveProduct', input),
  saveMaterial: (input: ShopInput<'saveMaterial'>) => call('saveMaterial', input),
  ownerMaterial: (input: ShopInput<'ownerMaterial'>) => call('ownerMaterial', input),
  setStock: (input: ShopInput<'setStock'>) => call('setStock', input),
  setSaleStatus: (input: ShopInput<'setSaleStatus'>) => call('setSaleStatus', input),
  stockLedger: (input: ShopInput<'stockLedger'>) => call('stockLedger', input),
  settings: () => call('settings', {}),
  updateSettings: (input: ShopInput<'updateSettings'>) => call('updateSettings', input),
};
