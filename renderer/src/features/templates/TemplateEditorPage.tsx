import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  labelOf,
  SECTION_LAYOUTS,
  TEMPLATE_KINDS,
  type Template,
  type TemplateKind,
  type TemplateSection,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { checkTemplatePlaceholders } from '@shared/templates';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  copyTemplate,
  describeRepositoryError,
  RepositoryError,
  saveTemplate,
} from '@renderer/db/repositories';
import { getTemplate } from '@renderer/db/queries/templates';
import { Field } from '@renderer/ui/Field';
import { useHotkeys } from '@renderer/ui/useHotkeys';
import { useLang } from '@renderer/ui/useLang';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';
import { Preview } from './TemplatePreview';
import { PlaceholderPicker } from './PlaceholderPicker';
import './templates.css';
import { describeWriteError } from '@renderer/ui/errors';

export const LANG_CODES = ['kk', 'ru'] as const;

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
        const lost = describeWriteError(failure, lang, true)?.message;
        setStatus({ error: true, text: lost ?? String(failure) });
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
