// The `shop` cloud function: a route table of its actions (owner actions check the owner list inside).
import cloud from 'wx-server-sdk';
import { shopInputs, type ShopAction, type ShopResults } from '../contracts/shop';
import { createHandler, route, type Route } from '../data/handler';
import { getSession } from './get-session';
import { listProducts } from './list-products';
import { getProduct } from './get-product';
import { settings, updateSettings } from './settings';
import { ownerProduct, ownerProducts, saveProduct, setSaleStatus, setStock, stockLedger } from './products';
import { hideReview, listReviews, ownerReviews, replyReview, writeReview } from './reviews';

// The environment the function is deployed in (the SDK's typings do not admit its symbol).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  session: route(shopInputs.session, getSession),
  listProducts: route(shopInputs.listProducts, listProducts),
  getProduct: route(shopInputs.getProduct, getProduct),
  review: route(shopInputs.review, writeReview),
  listReviews: route(shopInputs.listReviews, listReviews),
  ownerProducts: route(shopInputs.ownerProducts, ownerProducts),
  ownerProduct: route(shopInputs.ownerProduct, ownerProduct),
  saveProduct: route(shopInputs.saveProduct, saveProduct),
  setStock: route(shopInputs.setStock, setStock),
  setSaleStatus: route(shopInputs.setSaleStatus, setSaleStatus),
  stockLedger: route(shopInputs.stockLedger, stockLedger),
  settings: route(shopInputs.settings, settings),
  updateSettings: route(shopInputs.updateSettings, updateSettings),
  ownerReviews: route(shopInputs.ownerReviews, ownerReviews),
  replyReview: route(shopInputs.replyReview, replyReview),
  hideReview: route(shopInputs.hideReview, hideReview),
} satisfies { [A in ShopAction]: Route<(typeof shopInputs)[A], ShopResults[A]> };

export const main = createHandler(cloud, routes);
