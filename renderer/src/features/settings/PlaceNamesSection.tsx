import { useEffect, type KeyboardEvent } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { placeGlossaryEntrySchema } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useLang } from '@renderer/ui/useLang';
import { fieldError } from './saveHelpers';
import { SettingsNotice, useSettingsChange } from './SettingsList';

interface GlossaryForm {
  rows: { kk: string; ru: string }[];
}

/** Both names required; a name may stand in one row only (in either language). */
const glossarySchema = z
  .object({ rows: z.array(placeGlossaryEntrySchema).max(1_000) })
  .superRefine(({ rows }, ctx) => {
    for (const lang of ['kk', 'ru'] as const) {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        const key = row[lang].toLocaleLowerCase('kk').replace(/\s+/g, ' ');
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: ['rows', i, lang], message: 'duplicate_key' });
        seen.add(key);
      });
    }
  });

/**
 * The office's place-name glossary: proper names (or whole names) in Kazakh and Russian,
 * for the report in each language. A table of two inputs a row, worked from the keyboard:
 * Enter in the last Russian field adds a row, Ctrl+Enter saves.
 */
export function PlaceNamesSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const { settings } = useSession();
  const stored = settings.report.placeNames;
  const { notice, run } = useSettingsChange();
  const form = useForm<GlossaryForm>({
    resolver: zodResolver(glossarySchema),
    defaultValues: { rows: stored },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows' });
  const { isDirty, errors, isSubmitting } = form.formState;
  const rows = useWatch({ control: form.control, name: 'rows' });

  // Follows the stored glossary while untouched (another laptop's change, a restore); only
  // when it changes, so the older settings a moment after a save do not undo it.
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    if (!form.formState.isDirty)
      form.reset({ rows: JSON.parse(storedKey) as GlossaryForm['rows'] });
  }, [storedKey, form]);

  const save = form.handleSubmit(async ({ rows: entries }) => {
    const ok = await run(
      (current) => ({ ...current, report: { ...current.report, placeNames: entries } }),
      t('placeNames.saved', { count: entries.length }),
    );
    if (ok) form.reset({ rows: entries });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, field: 'kk' | 'ru') => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) void save();
    else if (field === 'ru' && index === fields.length - 1) append({ kk: '', ru: '' });
    else form.setFocus(field === 'kk' ? `rows.${index}.ru` : `rows.${index + 1}.kk`);
  };

  return (
    <div className="settings-section place-names">
      <p className="settings-lead">{t('placeNames.lead')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {fields.length === 0 ? (
          <p className="settings-hint">{t('placeNames.empty')}</p>
        ) : (
          <table className="settings-table place-names-table">
            <thead>
              <tr>
                <th scope="col">{t('placeNames.nameKk')}</th>
                <th scope="col">{t('placeNames.nameRu')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('placeNames.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field, index) => {
                const row = t('placeNames.row', { n: index + 1 });
                return (
                  <tr key={field.id} data-place-row={index}>
                    {(['kk', 'ru'] as const).map((l) => {
                      const error = fieldError(errors, `rows.${index}.${l}`, lang);
                      return (
                        <td key={l}>
                          <input
                            autoComplete="off"
                            aria-label={`${row}: ${t(l === 'kk' ? 'placeNames.nameKk' : 'placeNames.nameRu')}`}
                            aria-invalid={error ? true : undefined}
                            lang={l}
                            {...form.register(`rows.${index}.${l}`)}
                            onKeyDown={(event) => onKeyDown(event, index, l)}
                          />
                          {error && (
                            <span className="field-error" role="alert">
                              {error}
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td className="settings-actions">
                      <button
                        type="button"
                        className="button small danger"
                        aria-label={t('placeNames.removeOf', {
                          name: rows[index]?.[lang] || row,
                        })}
                        onClick={() => remove(index)}
                      >
                        {t('common.actions.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="settings-hint">{t('placeNames.keys')}</p>
        <div className="settings-save-bar">
          <button type="button" className="button" onClick={() => append({ kk: '', ru: '' })}>
            {t('placeNames.add')}
          </button>
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {t('settings.save.button')}
          </button>
          {isDirty && <span className="settings-save-status">{t('settings.save.unsaved')}</span>}
        </div>
      </form>
      <SettingsNotice notice={notice} />
    </div>
  );
}
