// A countdown to a moment (a flash sale's start or end, a group's end): the time left, again every second while
// there is some, and `onEnd` once when it runs out. One timer per countdown, cleared when it runs out, when the
// moment changes and when the page goes: nothing ticks or asks the server otherwise.
import { useEffect, useRef, useState } from 'react';

/** Milliseconds left until `at` (an ISO time), never below 0; 0 for no moment. */
export function useCountdown(at: string | undefined, onEnd?: () => void): number {
  const end = at ? Date.parse(at) : Number.NaN;
  const [now, setNow] = useState(Date.now);
  const left = Number.isFinite(end) ? Math.max(0, end - now) : 0;
  const running = left > 0;

  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  // Once per moment: a page that reloads to the same moment (the server has not moved on yet) is not asked again.
  const ended = useRef<string | undefined>(undefined);
  const latest = useRef(onEnd);
  latest.current = onEnd;
  useEffect(() => {
    if (!running && at && Number.isFinite(end) && ended.current !== at) {
      ended.current = at;
      latest.current?.();
    }
  }, [running, at, end]);

  return left;
}

/** The time now, again every second while `ticking` (a list of countdowns shares this one timer). */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
