import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKzPhone } from '@shared/validation/phone';
import { describeNothingImportable, describeRowIssue } from '@shared/journal/messages';
import type { Lang } from '@shared/i18n/lang';
import { getPlatform } from '@renderer/platform';
import { problemRows, problemRowsXlsx, XLSX_TYPE } from './problemRows';
import type { JournalWizard } from './useJournalWizard';

const SHOWN = 200;
const TABS = ['import', 'skipped', 'warnings', 'matches'] as const;
type Tab = (typeof TABS)[number];

function dmy(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)}`;
}

export function PreviewStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('import');
  const { plan, options, lang, sheet, header } = wizard;
  if (!plan) return <p aria-busy="true">{t('journalImport.preview.planning')}</p>;
  const imported = plan.rows.filter((r) => r.status === 'imported');
  const skipped = plan.rows.filter((r) => r.status === 'skipped');
  const warned = imported.filter((r) => r.warnings.length > 0);
  const separate = new Set(options.keepSeparate ?? []);
  const counts: Record<Tab, number> = {
    import: imported.length,
    skipped: skipped.length,
    warnings: warned.length,
    matches: plan.matches.length,
  };
  const download = async () => {
    if (!sheet || !header) return;
    const data = await problemRowsXlsx(plan, sheet, header, lang, {
      row: t('journalImport.preview.row'),
      problem: t('journalImport.preview.problemColumn'),
      sheet: t('journalImport.preview.problemSheet'),
    });
    const base = plan.fileName.replace(/\.[^.]+$/, '');
    await getPlatform().saveFile({
      fileName: `${base} — ${t('journalImport.preview.problemSheet')}.xlsx`,
      mimeType: XLSX_TYPE,
      data,
    });
  };
  const toggleSeparate = (row: number, merge: boolean) => {
    const next = new Set(separate);
    if (merge) next.delete(row);
    else next.add(row);
    wizard.changeOptions({ ...options, keepSeparate: [...next] });
  };
  return (
    <div className="journal-step" aria-busy={wizard.busy || undefined}>
      <p className="journal-summary" role="status">
        {t('journalImport.preview.summary', {
          imported: plan.counts.imported,
          skipped: plan.counts.skipped,
          warnings: plan.counts.warnings,
        })}{' '}
        {plan.counts.alreadyImported > 0 &&
          t('journalImport.preview.alreadyImported', { count: plan.counts.alreadyImported })}
      </p>
      <p>
        {t('journalImport.preview.applicants', {
          created: plan.counts.newApplicants,
          linked: plan.counts.linkedApplicants,
        })}
      </p>
      {plan.counts.imported === 0 && (
        <p className="journal-warning" role="alert">
          {describeNothingImportable(plan.rows, lang)}
        </p>
      )}
      <div className="journal-options">
        <label>
          <input
            type="checkbox"
            checked={options.mergeWithinFile}
            onChange={(e) =>
              wizard.changeOptions({ ...options, mergeWithinFile: e.target.checked })
            }
          />{' '}
          {t('journalImport.preview.mergeWithinFile')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.matchRegistry}
            onChange={(e) => wizard.changeOptions({ ...options, matchRegistry: e.target.checked })}
          />{' '}
          {t('journalImport.preview.matchRegistry')}
        </label>
        {problemRows(plan, lang).length > 0 && (
          <button type="button" className="button" onClick={() => void download()}>
            {t('journalImport.preview.download')}
          </button>
        )}
      </div>
      <div className="journal-tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`journal-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="journal-tabpanel"
            className={`view-tab${tab === name ? ' active' : ''}`}
            onClick={() => setTab(name)}
          >
            {t(`journalImport.preview.tabs.${name}`)}{' '}
            <span className="view-count">{counts[name]}</span>
          </button>
        ))}
      </div>
      <div
        id="journal-tabpanel"
        role="tabpanel"
        aria-labelledby={`journal-tab-${tab}`}
        className="journal-table-wrap"
      >
        {tab === 'import' && (
          <RowsTable
            head={['row', 'regNo', 'date', 'name', 'phone', 'subject']}
            rows={plan.sample
              .slice(0, SHOWN)
              .map((a) => [
                a.row,
                a.regNo,
                dmy(a.receivedAt),
                a.name ?? t('journalImport.preview.anonymous'),
                a.phones.map(formatKzPhone).join(', '),
                a.subject,
              ])}
          />
        )}
        {tab === 'skipped' && (
          <RowsTable
            head={['row', 'reason']}
            rows={skipped.slice(0, SHOWN).map((r) => [r.n, describeRowIssue(r.reason!, lang)])}
          />
        )}
        {tab === 'warnings' && (
          <RowsTable
            head={['row', 'warning']}
            rows={warned
              .slice(0, SHOWN)
              .map((r) => [r.n, r.warnings.map((w) => describeRowIssue(w, lang)).join('; ')])}
          />
        )}
        {tab === 'matches' && (
          <Matches wizard={wizard} lang={lang} separate={separate} onToggle={toggleSeparate} />
        )}
        {counts[tab] > SHOWN && (
          <p className="journal-note">{t('journalImport.preview.firstRows', { count: SHOWN })}</p>
        )}
      </div>
    </div>
  );
}

type Column = 'row' | 'regNo' | 'date' | 'name' | 'phone' | 'subject' | 'reason' | 'warning';

function RowsTable({ head, rows }: { head: Column[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t('journalImport.preview.none')}</p>;
  return (
    <table className="journal-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={h === 'row' ? 'num' : undefined}>
              {t(`journalImport.preview.${h}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells) => (
          <tr key={String(cells[0])}>
            {cells.map((c, i) => (
              <td key={i} className={i === 0 ? 'num' : undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Matches({
  wizard,
  lang,
  separate,
  onToggle,
}: {
  wizard: JournalWizard;
  lang: Lang;
  separate: ReadonlySet<number>;
  onToggle: (row: number, merge: boolean) => void;
}) {
  const { t } = useTranslation();
  const matches = wizard.plan?.matches ?? [];
  const kept = [...separate].filter((row) => !matches.some((m) => m.row === row));
  void lang;
  return (
    <>
      <p>{t('journalImport.preview.matchesLead')}</p>
      {matches.length === 0 && kept.length === 0 ? (
        <p>{t('journalImport.preview.none')}</p>
      ) : (
        <table className="journal-table">
          <thead>
            <tr>
              <th scope="col">{t('journalImport.preview.keep')}</th>
              <th scope="col" className="num">
                {t('journalImport.preview.row')}
              </th>
              <th scope="col">{t('journalImport.preview.name')}</th>
              <th scope="col">{t('journalImport.preview.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, SHOWN).map((m) => (
              <tr key={m.row}>
                <td>
                  <input
                    type="checkbox"
                    checked
                    aria-label={`${t('journalImport.preview.keep')}: ${t('journalImport.preview.row')} ${m.row}`}
                    onChange={() => onToggle(m.row, false)}
                  />
                </td>
                <td className="num">{m.row}</td>
                <td>{t('journalImport.preview.matchWith', { name: m.name })}</td>
                <td>
                  {m.with === 'registry'
                    ? t('journalImport.preview.matchInRegistry')
                    : t('journalImport.preview.matchFile', { row: m.otherRow })}{' '}
                  · {t(`journalImport.preview.by.${m.by}`)}
                </td>
              </tr>
            ))}
            {kept.map((row) => (
              <tr key={`kept-${row}`}>
                <td>
                  <input
                    type="checkbox"
                    checked={false}
                    aria-label={`${t('journalImport.preview.keep')}: ${t('journalImport.preview.row')} ${row}`}
                    onChange={() => onToggle(row, true)}
                  />
                </td>
                <td className="num">{row}</td>
                <td colSpan={2} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
