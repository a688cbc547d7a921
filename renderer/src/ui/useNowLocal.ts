import { useEffect, useState } from 'react';
import { toKzLocalDateTime } from '@shared/calendar/zone';

/**
 * Kazakhstan local time now ('YYYY-MM-DDTHH:mm'), refreshed every `everyMs` (a minute by
 * default: the 72-hour deadlines are counted by the hour; the queue's waiting times want
 * it more often).
 */
export function useNowLocal(everyMs = 60_000): string {
  const [now, setNow] = useState(() => toKzLocalDateTime(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setNow(toKzLocalDateTime(new Date())), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
