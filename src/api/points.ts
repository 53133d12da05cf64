// The `points` cloud function, typed by its contracts.
import { callFunction } from './client';
import type { PointsAction, PointsInput, PointsResults } from '../../cloudfunctions/contracts/points';

const call = <A extends PointsAction>(action: A, input: PointsInput<A>) =>
  callFunction<PointsResults[A]>('points', action, input);

export const pointsApi = {
  join: () => call('join', {}),
  balance: () => call('balance', {}),
  ledger: (input: PointsInput<'ledger'>) => call('ledger', input),
  rules: () => call('rules', {}),
  setRules: (input: PointsInput<'setRules'>) => call('setRules', input),
};
