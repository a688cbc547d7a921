import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  labelOf,
  SECTION_LAYOUTS,
  TEMPLATE_KINDS,
  type Appeal,
  type Applicant,
  type Template,
  type TemplateKind,
  type TemplateSection,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import {
  checkTemplatePlaceholders,
  letterToPlainText,
  PLACEHOLDERS,
  EXTRA_FIELDS,
  placeholderDef,
  renderTemplate,
  type PlaceholderDef,
  type PlaceholderGroup,
} from '@shared/templates';
import { DATE_FORMS, formatLetterDate, type DateForm } from '@shared/format';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  copyTemplate,
  describeRepositoryError,
  RepositoryError,
  saveTemplate,
} from '@renderer/db/repositories';
import { newestRegistryRows } from '@renderer/db/queries/registry';
import { getTemplate } from '@renderer/db/queries/templates';
import { Field } from '@renderer/ui/Field';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import './templates.css';

const LANG_CODES = ['kk', 'ru'] as const;

/** The sample appeal of the preview: typed regNo, or the latest appeal of the registry. */
function usePreviewAppeal(
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

function useRecentAppeals() {
  const db = useDb();
  return useLiveQuery(() => newestRegistryRows(db, 30), [db]);
}

function Preview({
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

function PlaceholderPicker({ onInsert }: { onInsert: (token: string) => void }) {
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

function ReadOnlyTemplate({ template }: { template: Template }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { ctx } = useSession();
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    try {
      const created = await copyTemplate(db, template.id, ctx);
      await navigate(`/templates/${created.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <>
      <div className="notice template-readonly">
        <p>{t('templates.editor.readOnly')}</p>
        <button type="button" className="button primary" onClick={() => void copy()}>
          {t('templates.editor.makeCopy')}
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-layout">
        <div className="editor-main">
          {template.sections.map((section) => (
            <section key={section.key} className="card section-view">
              <h2>
                {section.title[lang]}
                {section.optional && (
                  <span className="template-badge"> {t('templates.editor.optional')}</span>
                )}
              </h2>
              <div className="section-view-langs">
                {LANG_CODES.map((code) => (
                  <div key={code} lang={code}>
                    <h3>{labelOf('language', code, lang)}</h3>
                    <pre className="preview-text">{section.body[code]}</pre>
                  </div>
                ))}
              </div>
            </section>
          ))}
          <Preview template={template} />
        </div>
      </div>
    </>
  );
}

interface Focused {
  index: number;
  lang: Lang;
  element: HTMLTextAreaElement;
}

function newSection(index: number): TemplateSection {
  return {
    key: `part${String(index + 1)}`,
    title: { kk: '', ru: '' },
    body: { kk: '', ru: '' },
    optional: false,
    layout: 'body',
  };
}

function OwnTemplateEditor({ template }: { template: Template }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const [name, setName] = useState(template.name);
  const [kind, setKind] = useState<TemplateKind>(template.kind);
  const [sections, setSections] = useState<TemplateSection[]>(template.sections);
  const [version, setVersion] = useState(template.version);
  const [status, setStatus] = useState<{ error: boolean; text: string; unknown?: string[] } | null>(
    null,
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const focused = useRef<Focused | null>(null);

  const updateSection = (index: number, patch: Partial<TemplateSection>) => {
    setSections((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  };
  const move = (index: number, by: -1 | 1) => {
    setSections((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  };

  const insert = (token: string) => {
    const target = focused.current;
    if (!target) {
      setStatus({ error: true, text: t('templates.editor.pickBodyFirst') });
      return;
    }
    const { element, index, lang: bodyLang } = target;
    const start = element.selectionStart;
    const end = element.selectionEnd;
    const value = element.value;
    const next = value.slice(0, start) + token + value.slice(end);
    const section = sections[index];
    if (!section) return;
    updateSection(index, { body: { ...section.body, [bodyLang]: next } });
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async () => {
    setStatus(null);
    setFieldErrors({});
    const { unknown } = checkTemplatePlaceholders({ sections });
    try {
      const saved = await saveTemplate(db, template.id, { kind, name, sections }, ctx, {
        expectedVersion: version,
      });
      setVersion(saved.version);
      setStatus({ error: false, text: t('templates.editor.saved') });
    } catch (failure) {
      if (failure instanceof RepositoryError) {
        const described = describeRepositoryError(failure, lang);
        setFieldErrors(described.fields);
        setStatus({
          error: true,
          text: described.message ?? t('templates.editor.invalid'),
          unknown: unknown.length > 0 ? unknown : undefined,
        });
      } else {
        setStatus({ error: true, text: String(failure) });
      }
    }
  };
  useHotkeys({ 'Ctrl+s': () => void save() });

  const draft = { id: template.id, key: null, kind, name, sections };
  return (
    <div className="editor-layout">
      <div className="editor-main">
        <section className="card editor-head">
          <div className="editor-names">
            {LANG_CODES.map((code) => (
              <Field
                key={code}
                label={t('templates.editor.name', { language: labelOf('language', code, lang) })}
                error={fieldErrors[`name.${code}`]}
              >
                <input
                  lang={code}
                  value={name[code]}
                  onChange={(e) => setName({ ...name, [code]: e.target.value })}
                />
              </Field>
            ))}
            <Field label={t('templates.editor.kind')}>
              <select value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
                {TEMPLATE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {labelOf('templateKind', k, lang)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>
        {sections.map((section, index) => (
          <section
            key={index}
            className="card section-edit"
            data-section-index={index}
            aria-label={section.title[lang] || section.key}
          >
            <div className="section-edit-head">
              <Field
                label={t('templates.editor.sectionKey')}
                error={fieldErrors[`sections.${String(index)}.key`]}
              >
                <input
                  value={section.key}
                  onChange={(e) => updateSection(index, { key: e.target.value })}
                />
              </Field>
              {LANG_CODES.map((code) => (
                <Field
                  key={code}
                  label={t('templates.editor.sectionTitle', {
                    language: labelOf('language', code, lang),
                  })}
                >
                  <input
                    lang={code}
                    value={section.title[code]}
                    onChange={(e) =>
                      updateSection(index, { title: { ...section.title, [code]: e.target.value } })
                    }
                  />
                </Field>
              ))}
              <Field label={t('templates.editor.layout')}>
                <select
                  value={section.layout}
                  onChange={(e) =>
                    updateSection(index, { layout: e.target.value as TemplateSection['layout'] })
                  }
                >
                  {SECTION_LAYOUTS.map((layout) => (
                    <option key={layout} value={layout}>
                      {t(`templates.layouts.${layout}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={section.optional}
                  onChange={(e) => updateSection(index, { optional: e.target.checked })}
                />
                {t('templates.editor.optional')}
              </label>
            </div>
            <div className="section-edit-bodies">
              {LANG_CODES.map((code) => (
                <Field
                  key={code}
                  label={t('templates.editor.body', { language: labelOf('language', code, lang) })}
                  error={fieldErrors[`sections.${String(index)}.body.${code}`]}
                >
                  <textarea
                    lang={code}
                    rows={6}
                    value={section.body[code]}
                    data-body={`${String(index)}-${code}`}
                    onFocus={(e) => {
                      focused.current = { index, lang: code, element: e.currentTarget };
                    }}
                    onChange={(e) =>
                      updateSection(index, { body: { ...section.body, [code]: e.target.value } })
                    }
                  />
                </Field>
              ))}
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button small"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                {t('templates.editor.moveUp')}
              </button>
              <button
                type="button"
                className="button small"
                disabled={index === sections.length - 1}
                onClick={() => move(index, 1)}
              >
                {t('templates.editor.moveDown')}
              </button>
              <button
                type="button"
                className="button small danger"
                onClick={() => setSections((all) => all.filter((_, i) => i !== index))}
              >
                {t('templates.editor.removeSection')}
              </button>
            </div>
          </section>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setSections((all) => [...all, newSection(all.length)])}
          >
            {t('templates.editor.addSection')}
          </button>
        </div>
        {status && (
          <div
            className={`notice${status.error ? ' error' : ''}`}
            role={status.error ? 'alert' : 'status'}
          >
            <p>{status.text}</p>
            {status.unknown && (
              <p className="unknown-placeholders">
                {t('templates.editor.unknownList')} <code>{status.unknown.join(' ')}</code>
              </p>
            )}
          </div>
        )}
        <div className="button-row editor-save">
          <button type="button" className="button primary" onClick={() => void save()}>
            {t('templates.editor.save')}
          </button>
          <span className="muted">{t('templates.editor.saveHint')}</span>
        </div>
        <Preview template={draft} />
      </div>
      <PlaceholderPicker onInsert={insert} />
    </div>
  );
}

/** `/templates/:id`: a template's sections in both languages; built-ins are read-only. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const template = useLiveQuery(
    async () => (id ? ((await getTemplate(db, id)) ?? null) : null),
    [db, id],
  );
  if (template === undefined) return <p className="page muted">{t('templates.loading')}</p>;
  if (template === null || template.deletedAt !== null) {
    return (
      <NotFoundPage
        title={t('templates.editor.notFound')}
        backTo="/templates"
        backLabel={t('templates.editor.back')}
      />
    );
  }
  return (
    <section className="page template-editor" aria-labelledby="page-title">
      <nav className="appeal-breadcrumbs">
        <Link to="/templates">← {t('templates.editor.back')}</Link>
      </nav>
      <h1 id="page-title">{template.name[lang]}</h1>
      <p className="muted">{labelOf('templateKind', template.kind, lang)}</p>
      {template.builtIn ? (
        <ReadOnlyTemplate template={template} />
      ) : (
        <OwnTemplateEditor key={template.id} template={template} />
      )}
    </section>
  );
}
