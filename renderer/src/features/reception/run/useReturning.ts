import { useEffect, useState } from 'react';
import type { Applicant } from '@shared/domain';
import { useDb } from '@renderer/db/hooks';
import { pickApplicants } from '@renderer/db/queries/applicants';

/** People already known to the office who match what is typed (returning applicants). */
export function useReturning(name: string, phone: string): Applicant[] {
  const db = useDb();
  const [found, setFound] = useState<Applicant[]>([]);
  const query = phone.replace(/\D/g, '').length >= 5 ? phone : name;
  useEffect(() => {
    let cancelled = false;
    const q = query.trim();
    const timer = setTimeout(
      () => {
        if (q.length < 3) {
          setFound([]);
          return;
        }
        void pickApplicants(db, q, 4).then((people) => {
          if (!cancelled) setFound(people);
        });
      },
      q.length < 3 ? 0 : 150,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, query]);
  return found;
}
