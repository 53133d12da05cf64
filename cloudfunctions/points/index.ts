// The `points` cloud function: a route table of its actions (owner actions check the owner list inside).
import cloud from 'wx-server-sdk';
import { pointsInputs, type PointsAction, type PointsResults } from '../contracts/points';
import { createHandler, route, type Route } from '../data/handler';
import { balance, join } from './balance';
import { ledger } from './ledger';
import { rules, setRules } from './rules';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  join: route(pointsInputs.join, join),
  balance: route(pointsInputs.balance, balance),
  ledger: route(pointsInputs.ledger, ledger),
  rules: route(pointsInputs.rules, rules),
  setRules: route(pointsInputs.setRules, setRules),
} satisfies { [A in PointsAction]: Route<(typeof pointsInputs)[A], PointsResults[A]> };

export const main = createHandler(cloud, routes);
