// The member card on "me": a member's balance (read when the card shows and again on coming back to the page,
// since orders move it), and joining (开卡) for someone who is not a member yet. Whatever the card reads, the
// session's user.points and isMember follow.
import { useCallback, useEffect, useRef, useState } from 'react';
import { pointsApi } from '../../api/points';
import type { ErrorBody, Result } from '../../api/client';
import { useSession } from '../../stores/session';
import type { PointsBalance, PointsResults } from '../../../cloudfunctions/contracts/points';

export interface PointsCard {
  /** The latest balance read; null until one arrives (the session's figures show meanwhile). */
  balance: PointsBalance | null;
  /** The last failure of reading the balance. */
  error: ErrorBody | null;
  joining: boolean;
  /** Reads the balance again (a retry, or back on the page). */
  reload: () => Promise<void>;
  /** `points.join`; null when a join is already under way (a second tap). */
  join: () => Promise<Result<PointsResults['join']> | null>;
}

export function usePointsCard(isMember: boolean): PointsCard {
  const [balance, setBalance] = useState<PointsBalance | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [joining, setJoining] = useState(false);
  // Refs as well as state: a second tap, or the effect that follows a join, can come before React re-renders.
  const latest = useRef<PointsBalance | null>(null);
  const joiningNow = useRef(false);
  // A join's answer supersedes a read still in flight.
  const generation = useRef(0);

  const take = useCallback((next: PointsBalance) => {
    latest.current = next;
    setBalance(next);
    setError(null);
    useSession.getState().setPoints(next);
  }, []);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await pointsApi.balance();
    if (gen !== generation.current) return;
    if (res.ok) take(res.data);
    else setError(res.error);
  }, [take]);

  useEffect(() => {
    // A join has just answered with the balance: nothing to read.
    if (isMember && !latest.current) void reload();
  }, [isMember, reload]);

  const join = useCallback(async () => {
    if (joiningNow.current) return null;
    joiningNow.current = true;
    setJoining(true);
    const res = await pointsApi.join();
    joiningNow.current = false;
    setJoining(false);
    if (res.ok) {
      generation.current += 1;
      take(res.data.balance);
    }
    return res;
  }, [take]);

  return { balance, error, joining, reload, join };
}
