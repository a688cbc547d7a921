import { useTranslation } from 'react-i18next';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  OUTCOMES,
  labelOf,
  topicLabel,
  type Outcome,
  type Topic,
} from '@shared/domain';
import { headerAtRow } from '@shared/journal/analyse';
import {
  JOURNAL_FIELDS,
  VALUE_FIELDS,
  type JournalField,
  type ValueField,
} from '@shared/journal/fields';
import { columnValues, distinctValues, type JournalMapping } from '@shared/journal/mapping';
import { FIELD_LABELS, SHEET_MESSAGES } from '@shared/journal/messages';
import { cellText, columnLetter } from '@shared/journal/model';
import type { ResultMeaning } from '@shared/journal/values';
import type { JournalWizard } from './useJournalWizard';

const PREVIEW_ROWS = 14;

export function HeaderStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const { sheet, header, headerProblem } = wizard;
  if (!sheet) return null;
  if (headerProblem === 'empty_sheet') {
    return (
      <p className="journal-error" role="alert">
        {SHEET_MESSAGES.empty_sheet[wizard.lang]}
      </p>
    );
  }
  const width = Math.min(sheet.columnCount, 10);
  const rows = sheet.rows.slice(0, PREVIEW_ROWS);
  const headerRows = new Set(header?.rows ?? []);
  const twoRows = (header?.rows.length ?? 1) > 1;
  return (
    <div className="journal-step">
      <p role="status">
        {header
          ? t(twoRows ? 'journalImport.header.foundTwo' : 'journalImport.header.found', {
              rows: header.rows.join('–'),
            })
          : t('journalImport.header.notFound')}
      </p>
      <label className="journal-inline">
        <input
          type="checkbox"
          checked={twoRows}
          disabled={!header}
          onChange={(e) =>
            header && void wizard.pickHeader(headerAtRow(sheet, header.rows[0]!, e.target.checked))
          }
        />{' '}
        {t('journalImport.header.twoRows')}
      </label>
      <div className="journal-table-wrap">
        <table
          className="journal-table journal-sheet-preview"
          aria-label={t('journalImport.header.preview')}
        >
          <thead>
            <tr>
              <th scope="col">{t('journalImport.header.pick')}</th>
              <th scope="col">{t('journalImport.header.row')}</th>
              {Array.from({ length: width }, (_, i) => (
                <th key={i} scope="col">
                  {columnLetter(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.n} className={headerRows.has(row.n) ? 'is-header' : undefined}>
                <td>
                  <input
                    type="radio"
                    name="journal-header-row"
                    aria-label={`${t('journalImport.header.pick')} ${row.n}`}
                    checked={header?.rows[0] === row.n}
                    onChange={() => void wizard.pickHeader(headerAtRow(sheet, row.n, twoRows))}
                  />
                </td>
                <td className="num">{row.n}</td>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{cellText(row.cells[i]).slice(0, 60)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ColumnsStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const { sheet, header, mapping, lang } = wizard;
  if (!sheet || !header || !mapping) return null;
  const fieldOf = new Map(
    Object.entries(mapping.columns).map(([field, col]) => [col, field as JournalField]),
  );
  const assign = (column: number, field: JournalField | '') => {
    const columns = { ...mapping.columns };
    for (const [f, c] of Object.entries(columns))
      if (c === column) delete columns[f as JournalField];
    if (field !== '') columns[field] = column;
    wizard.setMapping({ ...mapping, columns });
  };
  const visible = header.columns.filter(
    (c) => c.label !== '' || columnValues(sheet, header, c.index, 1).length > 0,
  );
  return (
    <div className="journal-step">
      <p>{t('journalImport.columns.lead')}</p>
      {wizard.remembered && <p className="journal-note">{t('journalImport.columns.remembered')}</p>}
      {mapping.columns.receivedDate === undefined &&
        mapping.columns.registeredDate === undefined && (
          <p className="journal-warning" role="alert">
            {t('journalImport.columns.needDate')}
          </p>
        )}
      {mapping.columns.text === undefined && mapping.columns.subject === undefined && (
        <p className="journal-warning" role="alert">
          {t('journalImport.columns.needText')}
        </p>
      )}
      <div className="journal-table-wrap">
        <table className="journal-table">
          <thead>
            <tr>
              <th scope="col">{t('journalImport.columns.column')}</th>
              <th scope="col">{t('journalImport.columns.samples')}</th>
              <th scope="col">{t('journalImport.columns.field')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((column) => {
              const id = `journal-col-${column.index}`;
              return (
                <tr key={column.index}>
                  <th scope="row">
                    <span className="journal-letter">{columnLetter(column.index)}</span>{' '}
                    <label htmlFor={id}>{column.label || '—'}</label>
                  </th>
                  <td className="journal-samples">
                    {columnValues(sheet, header, column.index, 3).map((v, i) => (
                      <span key={i}>{v.slice(0, 70)}</span>
                    ))}
                  </td>
                  <td>
                    <select
                      id={id}
                      value={fieldOf.get(column.index) ?? ''}
                      onChange={(e) => assign(column.index, e.target.value as JournalField | '')}
                    >
                      <option value="">{t('journalImport.columns.notUsed')}</option>
                      {JOURNAL_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f][lang]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const SHOWN_VALUES = 40;
const RESULT_CHOICES = ['registered', 'in_progress', ...OUTCOMES] as const;

function resultChoice(meaning: ResultMeaning | undefined): string {
  if (!meaning) return '';
  return meaning.outcome ?? meaning.status;
}

function meaningOf(choice: string): ResultMeaning {
  if (choice === 'registered' || choice === 'in_progress') return { status: choice, outcome: null };
  const outcome = choice as Outcome;
  return {
    status: 'decided',
    outcome,
    ...(outcome === 'not_resolved' ? { notResolvedReason: 'other' as const } : {}),
  };
}

function optionsFor(
  field: ValueField,
  topics: readonly Topic[],
  lang: 'kk' | 'ru',
): { value: string; label: string }[] {
  if (field === 'channel')
    return APPEAL_CHANNELS.map((v) => ({ value: v, label: labelOf('channel', v, lang) }));
  if (field === 'kind')
    return APPEAL_KINDS.map((v) => ({ value: v, label: labelOf('kind', v, lang) }));
  if (field === 'topic')
    return topics
      .filter((x) => !x.retired)
      .map((x) => ({ value: x.id, label: topicLabel(topics, x.id, lang) }));
  return RESULT_CHOICES.map((v) => ({
    value: v,
    label:
      v === 'registered' || v === 'in_progress'
        ? labelOf('status', v, lang)
        : labelOf('outcome', v, lang),
  }));
}

export function ValuesStep({ wizard }: { wizard: JournalWizard }) {
  const { t } = useTranslation();
  const { sheet, header, mapping, lang, topics } = wizard;
  if (!sheet || !header || !mapping) return null;
  const fields = VALUE_FIELDS.filter((f) => mapping.columns[f] !== undefined);
  const setValue = (field: ValueField, key: string, choice: string) => {
    const values = {
      ...mapping.values,
      [field]: { ...mapping.values[field] },
    } as JournalMapping['values'];
    const map = values[field] as Record<string, unknown>;
    if (choice === '') delete map[key];
    else map[key] = field === 'result' ? meaningOf(choice) : choice;
    wizard.setMapping({ ...mapping, values });
  };
  const setDefault = (field: 'channel' | 'kind' | 'topic', value: string) =>
    wizard.setMapping({ ...mapping, defaults: { ...mapping.defaults, [field]: value } });
  return (
    <div className="journal-step">
      <p>{fields.length > 0 ? t('journalImport.values.lead') : t('journalImport.values.none')}</p>
      <div className="journal-defaults">
        {(['channel', 'kind', 'topic'] as const).map((field) => (
          <label key={field}>
            {t(`journalImport.values.groups.${field}`)} — {t('journalImport.values.default')}
            <select
              value={mapping.defaults[field]}
              onChange={(e) => setDefault(field, e.target.value)}
            >
              {optionsFor(field, topics, lang).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {fields.map((field) => {
        const values = distinctValues(sheet, header, mapping, field);
        const map = mapping.values[field] as Record<string, unknown>;
        const choices = optionsFor(field, topics, lang);
        return (
          <section
            key={field}
            className="journal-values"
            aria-label={t(`journalImport.values.groups.${field}`)}
          >
            <h3>{t(`journalImport.values.groups.${field}`)}</h3>
            <table className="journal-table">
              <thead>
                <tr>
                  <th scope="col">{t('journalImport.values.value')}</th>
                  <th scope="col" className="num">
                    {t('journalImport.values.count')}
                  </th>
                  <th scope="col">{t('journalImport.values.mapsTo')}</th>
                </tr>
              </thead>
              <tbody>
                {values.slice(0, SHOWN_VALUES).map((v) => {
                  const current =
                    field === 'result'
                      ? resultChoice(map[v.key] as ResultMeaning | undefined)
                      : ((map[v.key] as string | undefined) ?? '');
                  const id = `journal-val-${field}-${v.key}`;
                  return (
                    <tr key={v.key} className={current === '' ? 'is-unknown' : undefined}>
                      <th scope="row">
                        <label htmlFor={id}>{v.value}</label>
                        {current === '' && (
                          <span className="journal-unknown">
                            {' '}
                            · {t('journalImport.values.unknown')}
                          </span>
                        )}
                      </th>
                      <td className="num">{v.count}</td>
                      <td>
                        <select
                          id={id}
                          value={current}
                          onChange={(e) => setValue(field, v.key, e.target.value)}
                        >
                          <option value="">—</option>
                          {choices.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {values.length > SHOWN_VALUES && (
              <p className="journal-note">
                {t('journalImport.values.more', { count: values.length - SHOWN_VALUES })}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
