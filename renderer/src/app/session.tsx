import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { createKzCalendar, type WorkCalendar } from '@shared/calendar';
import { toKzLocalDate } from '@shared/calendar/zone';
import { toCalendarOverrides, type Settings, type StaffUser } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { useDb, useLiveQuery } from '../db/hooks';
import { earlySettings, forgetEarlyRead } from '../db/earlyRead';
import type { WriteContext } from '../db/repositories';
import { ChooseUser } from './ChooseUser';
import {
  RestoreDoneGate,
  setFirstRunRestore,
  useFirstRunRestore,
} from '@renderer/features/backup/light';

// The first-run screen (its form, the restore from a backup) and a restore's result
// (features/backup/light.ts) are seen once per office: their code loads when they are shown,
// not before every first screen.
const FirstRun = lazy(() => import('./FirstRun').then((m) => ({ default: m.FirstRun })));
const loading = <div className="loading" aria-busy="true" />;

export interface Session {
  user: StaffUser;
  settings: Settings;
  calendar: WorkCalendar;
  /** Kazakhstan calendar date right now; changes at midnight while the app stays open. */
  today: string;
  lang: Lang;
  /** Passed to every repository write, so each event records who did it. */
  ctx: WriteContext;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

const USER_KEY = 'tizilim.user';

function useToday(): string {
  const [today, setToday] = useState(() => toKzLocalDate(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(toKzLocalDate(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * Who is working. The staff member is chosen when the app starts (remembered for this
 * window only) and recorded on every change; a fresh database first asks for the office.
 */
export function SessionProvider({
  children,
  forPrint = false,
}: {
  children: ReactNode;
  forPrint?: boolean;
}) {
  const db = useDb();
  const { i18n } = useTranslation();
  // The settings read before the app's code ran (boot/earlyRead.ts) show until the live
  // query answers: the first screen renders without waiting for the database to open.
  const [early] = useState(() => (forPrint ? undefined : earlySettings(db)));
  useEffect(() => forgetEarlyRead(), []);
  const settings = useLiveQuery(
    async () => (await db.settings.get('settings')) ?? null,
    [db],
    early,
  );
  const [userId, setUserId] = useState<string | null>(() => sessionStorage.getItem(USER_KEY));
  const today = useToday();
  const restore = useFirstRunRestore();
  const lang: Lang = i18n.language === 'ru' ? 'ru' : 'kk';

  const calendar = useMemo(
    () => createKzCalendar(toCalendarOverrides(settings?.calendar ?? {})),
    [settings?.calendar],
  );

  const activeUsers = settings?.users.filter((u) => u.active) ?? [];
  const onlyUser = activeUsers.length === 1 ? activeUsers[0] : undefined;
  // Print pages only read. Electron renders them in a hidden window with its own empty
  // session storage, where nobody can answer "who is working?".
  const printUser = forPrint ? activeUsers[0] : undefined;
  const user = settings?.users.find((u) => u.id === userId && u.active) ?? onlyUser ?? printUser;

  // A single staff member is chosen automatically; remember it, so adding a colleague later
  // does not send the person at the keyboard back to the "who is working?" screen.
  if (
    !forPrint &&
    onlyUser &&
    userId !== onlyUser.id &&
    !settings?.users.some((u) => u.id === userId && u.active)
  ) {
    setUserId(onlyUser.id);
  }
  useEffect(() => {
    if (!forPrint && userId) sessionStorage.setItem(USER_KEY, userId);
  }, [forPrint, userId]);

  const session = useMemo<Session | null>(() => {
    if (!settings || !user) return null;
    return {
      user,
      settings,
      calendar,
      today,
      lang,
      ctx: { userId: user.id },
      signOut: () => {
        sessionStorage.removeItem(USER_KEY);
        setUserId(null);
      },
    };
  }, [settings, user, calendar, today, lang]);

  const choose = (id: string) => {
    sessionStorage.setItem(USER_KEY, id);
    setUserId(id);
  };

  if (settings === undefined) return loading;
  // A restore from the first-run screen: the screen stays while it runs (the restored
  // settings arrive before it has finished), then its result is shown before anything else.
  if (restore.kind === 'done')
    return (
      <Suspense fallback={loading}>
        <RestoreDoneGate
          info={restore.info}
          onContinue={() => setFirstRunRestore({ kind: 'idle' })}
        />
      </Suspense>
    );
  if (settings === null || activeUsers.length === 0 || restore.kind === 'restoring')
    return (
      <Suspense fallback={loading}>
        <FirstRun settings={settings} onDone={choose} />
      </Suspense>
    );
  if (!session) return <ChooseUser users={activeUsers} onChoose={choose} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
