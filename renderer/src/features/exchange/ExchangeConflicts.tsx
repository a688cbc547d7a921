import { useTranslation } from 'react-i18next';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { decideConflict, pendingConflicts } from '@renderer/db/repositories';
import { ConflictList } from '@renderer/ui/ConflictList';

/** Conflicts of received packages waiting for a decision; each is decided once. */
export function ExchangeConflicts() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { ctx } = useSession();
  const conflicts = useLiveQuery(() => pendingConflicts(db), [db]);
  if (!conflicts) return null;
  const label = (group: 'tables' | 'fields', key: string, fallback: string) => {
    const path = `exchange.conflicts.${group}.${key}`;
    return i18n.exists(path) ? String(t(path as never)) : fallback;
  };
  return (
    <section className="card exchange-card exchange-conflicts" aria-labelledby="exchange-conflicts">
      <h2 id="exchange-conflicts">{t('exchange.conflicts.title')}</h2>
      {conflicts.length > 0 && <p className="exchange-lead">{t('exchange.conflicts.lead')}</p>}
      <ConflictList
        conflicts={conflicts}
        texts="exchange.conflicts"
        tableLabel={(table) => label('tables', table, label('tables', 'other', table))}
        fieldLabel={(field) => label('fields', field.split('.')[0]!, field)}
        sourceLabel={(c) => t('exchange.conflicts.from', { from: c.fromName })}
        onDecide={async (conflict, decision) => {
          const result = await decideConflict(
            db,
            conflict.fromDeviceId,
            typeof decision === 'string'
              ? { conflictId: conflict.id, choice: decision }
              : { conflictId: conflict.id, choice: 'edit', value: decision.value },
            ctx,
          );
          if (result.problems.length > 0) throw new Error('invalid_value');
        }}
      />
    </section>
  );
}
