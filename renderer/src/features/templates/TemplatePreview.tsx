import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, type Appeal, type Applicant, type Template } from '@shared/domain';
import { letterToPlainText, placeholderDef, renderTemplate } from '@shared/templates';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { newestRegistryRows } from '@renderer/db/queries/registry';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { LANG_CODES } from './TemplateEditorPage';

/** The sample appeal of the preview: typed regNo, or the latest appeal of the registry. */
export function usePreviewAppeal(
  regNo: string,
): { appeal: Appeal; applicant: Applicant | null } | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const typed = regNo.trim();
    const appeal = typed
      ? await db.appeals.where('regNo').equals(typed).first()
      : await db.appeals
          .orderBy('receivedAt')
          .reverse()
          .filter((a) => a.deletedAt === null)
          .first();
    if (!appeal) return null;
    const applicant = appeal.applicantId
      ? ((await db.applicants.get(appeal.applicantId)) ?? null)
      : null;
    return { appeal, applicant };
  }, [db, regNo]);
}

export function useRecentAppeals() {
  const db = useDb();
  return useLiveQuery(() => newestRegistryRows(db, 30), [db]);
}

export function Preview({
  template,
}: {
  template: Pick<Template, 'id' | 'key' | 'kind' | 'name' | 'sections'>;
}) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const { settings, today } = useSession();
  const [regNo, setRegNo] = useState('');
  const sample = usePreviewAppeal(regNo);
  const recent = useRecentAppeals();
  return (
    <section className="card template-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('templates.editor.preview')}</h2>
      <Field label={t('templates.editor.previewAppeal')} hint={t('templates.editor.previewHint')}>
        <input
          list="template-preview-appeals"
          value={regNo}
          placeholder={sample?.appeal.regNo ?? '2026-0001'}
          onChange={(e) => setRegNo(e.target.value)}
        />
      </Field>
      <datalist id="template-preview-appeals">
        {recent?.map((row) => (
          <option key={row.id} value={row.regNo}>
            {row.subject}
          </option>
        ))}
      </datalist>
      {sample === null && <p className="muted">{t('templates.editor.previewNoAppeal')}</p>}
      {sample && (
        <div className="preview-columns">
          {LANG_CODES.map((lang) => {
            const ctx = {
              lang,
              today,
              settings,
              appeal: sample.appeal,
              applicant: sample.applicant,
              appeals: [sample.appeal],
            };
            // What the appeal lacks (an inquiry, a reception, typed parts) shows as an example.
            const strict = renderTemplate(template, ctx);
            // Typed parts are never in the records; only record values are worth a warning.
            const lacking = strict.ok ? [] : strict.missing.filter((k) => !k.startsWith('extra.'));
            const result = renderTemplate(template, { ...ctx, sample: true });
            return (
              <div key={lang} className="preview-column" lang={lang} data-preview={lang}>
                <h3>{labelOf('language', lang, uiLang)}</h3>
                {result.ok && (
                  <pre className="preview-text">{letterToPlainText(result.letter)}</pre>
                )}
                {lacking.length > 0 && (
                  <div className="notice warning preview-missing">
                    <p>{t('templates.editor.previewMissing')}</p>
                    <ul>
                      {lacking.map((key) => (
                        <li key={key}>{placeholderDef(key)?.label[uiLang] ?? key}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
