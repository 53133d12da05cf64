// The `shop` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { shopInputs, type ShopAction, type ShopResults } from '../contracts/shop';
import { createHandler, route, type Route } from '../platform/handler';
import { categories, removeCategory, saveCategory } from './categories';
import { favorite, favorites } from './favorites';
import { getSession } from './get-session';
import { listProducts } from './list-products';
import { getProduct } from './get-product';
import { ownerMaterial, saveMaterial } from './material';
import { settings, updateSettings } from './settings';
import { ownerProduct, ownerProducts, saveProduct, setSaleStatus, setStock, stockLedger } from './products';
import { hideReview, listReviews, myReview, ownerReviews, replyReview, writeReview } from './reviews';

// The environment the function is deployed in (the SDK's typings do not admit its symbol).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  session: route(shopInputs.session, getSession),
  listProducts: route(shopInputs.listProducts, listProducts),
  getProduct: route(shopInputs.getProduct, getProduct),
  categories: route(shopInputs.categories, categories),
  favorite: route(shopInputs.favorite, favorite),
  favorites: route(shopInputs.favorites, favorites),
  review: route(shopInputs.review, writeReview),
  myReview: route(shopInputs.myReview, myReview),
  listReviews: route(shopInputs.listReviews, listReviews),
  ownerProducts: route(shopInputs.ownerProducts, ownerProducts, { owner: true }),
  ownerProduct: route(shopInputs.ownerProduct, ownerProduct, { owner: true }),
  saveProduct: route(shopInputs.saveProduct, saveProduct, { owner: true }),
  setStock: route(shopInputs.setStock, setStock, { owner: true }),
  setSaleStatus: route(shopInputs.setSaleStatus, setSaleStatus, { owner: true }),
  stockLedger: route(shopInputs.stockLedger, stockLedger, { owner: true }),
  settings: route(shopInputs.settings, settings, { owner: true }),
  updateSettings: route(shopInputs.updateSettings, updateSettings, { owner: true }),
  ownerReviews: route(shopInputs.ownerReviews, ownerReviews, { owner: true }),
  replyReview: route(shopInputs.replyReview, replyReview, { owner: true }),
  hideReview: route(shopInputs.hideReview, hideReview, { owner: true }),
  saveCategory: route(shopInputs.saveCategory, saveCategory, { owner: true }),
  removeCategory: route(shopInputs.removeCategory, removeCategory, { owner: true }),
  saveMaterial: route(shopInputs.saveMaterial, saveMaterial, { owner: true }),
  ownerMaterial: route(shopInputs.ownerMaterial, ownerMaterial, { owner: true }),
} satisfies { [A in ShopAction]: Route<(typeof shopInputs)[A], ShopResults[A]> };

export const main = createHandler(cloud, routes);
