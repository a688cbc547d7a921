import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLACEHOLDERS,
  EXTRA_FIELDS,
  type PlaceholderDef,
  type PlaceholderGroup,
} from '@shared/templates';
import { DATE_FORMS, formatLetterDate, type DateForm } from '@shared/format';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';

export function PlaceholderPicker({ onInsert }: { onInsert: (token: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form, setForm] = useState<DateForm>('plain');
  const groups = useMemo(() => {
    const byGroup = new Map<PlaceholderGroup, PlaceholderDef[]>();
    for (const p of [...PLACEHOLDERS, ...EXTRA_FIELDS]) {
      byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
    }
    return [...byGroup.entries()];
  }, []);
  return (
    <aside className="card placeholder-picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{t('templates.editor.placeholders')}</h2>
      <p className="muted">{t('templates.editor.placeholdersHint')}</p>
      <Field label={t('templates.editor.dateForm')}>
        <select value={form} onChange={(e) => setForm(e.target.value as DateForm)}>
          {DATE_FORMS.map((f) => (
            <option key={f} value={f}>
              {formatLetterDate('2026-11-20', lang, f)}
              {f === 'plain' ? '' : ` (${f})`}
            </option>
          ))}
        </select>
      </Field>
      {groups.map(([group, items]) => (
        <details key={group} open={group === 'appeal' || group === 'extra'}>
          <summary>{t(`templates.groups.${group}`)}</summary>
          <ul className="picker-list">
            {items.map((p) => {
              const token =
                p.type === 'date' && form !== 'plain' ? `{{${p.key}|${form}}}` : `{{${p.key}}}`;
              return (
                <li key={p.key}>
                  <button
                    type="button"
                    className="picker-item"
                    data-placeholder={p.key}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onInsert(token)}
                    title={token}
                  >
                    <span>{p.label[lang]}</span>
                    <code>{token}</code>
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </aside>
  );
}
