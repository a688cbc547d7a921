import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, type Template, type TemplateKind } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import {
  placeholderDef,
  renderTemplate,
  templateExtraFields,
  type BuiltInTemplateKey,
  type OutgoingRef,
  type RenderedLetter,
  type TemplateContext,
} from '@shared/templates';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { templatesOfKinds } from '@renderer/db/queries/templates';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { copyLetterText, saveLetterDocx, saveLetterPdf } from './letterOutput';
import './templates.css';

export type LetterOutput = 'docx' | 'pdf' | 'copy';

export interface LetterComposerProps {
  open: boolean;
  onClose: () => void;
  /** Which kinds of template to offer (e.g. ['reply']). */
  kinds: readonly TemplateKind[];
  /** The records the letter draws on: appeal, applicant, inquiry, agency, reception... */
  context: Omit<TemplateContext, 'lang' | 'today' | 'settings' | 'extra'>;
  /** Parts typed for the letter, filled in beforehand (e.g. the answer from the outcome). */
  initialExtra?: Record<string, string>;
  /** The letter's language to start with (the applicant's preferred one). */
  defaultLang?: Lang;
  /** The template to start with, when there is more than one of the kinds. */
  preferredKey?: BuiltInTemplateKey;
  /** regNo or outgoing number for file names. */
  fileRef: string;
  outgoing?: OutgoingRef;
  /** Stable drafts key for the PDF's letter (see saveLetterPdf). */
  draftKey?: string;
  title?: string;
  /** Called after each successful output, e.g. to note it on the appeal's history. */
  onProduced?: (letter: RenderedLetter, output: LetterOutput) => void | Promise<void>;
}

function firstTemplate(
  templates: readonly Template[],
  preferredKey: BuiltInTemplateKey | undefined,
): Template | undefined {
  return templates.find((t) => t.key === preferredKey) ?? templates[0];
}

/**
 * Pick a template, type the parts only a person can write, read the letter, adjust it, and
 * take it away as Word, PDF or text. Used from the appeal page and the inquiries.
 */
export function LetterComposer(props: LetterComposerProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      title={props.title ?? t('templates.composer.title')}
      onClose={props.onClose}
      wide
    >
      {props.open && <ComposerBody {...props} />}
    </Dialog>
  );
}

function ComposerBody({
  onClose,
  kinds,
  context,
  initialExtra,
  defaultLang,
  preferredKey,
  fileRef,
  outgoing,
  draftKey,
  onProduced,
}: LetterComposerProps) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const db = useDb();
  const { settings, today } = useSession();
  const templates = useLiveQuery(() => templatesOfKinds(db, kinds), [db, kinds.join(',')]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [lang, setLang] = useState<Lang>(defaultLang ?? uiLang);
  const [extra, setExtra] = useState<Record<string, string>>(() => ({ ...initialExtra }));
  // Hand edits of the rendered text, per section, for the current template and language.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<LetterOutput | null>(null);
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  const template =
    templates?.find((tpl) => tpl.id === chosenId) ??
    (templates ? firstTemplate(templates, preferredKey) : undefined);
  const fields = template ? templateExtraFields(template, lang) : [];
  const result = template
    ? renderTemplate(template, { ...context, lang, today, settings, extra })
    : null;
  const letter: RenderedLetter | null =
    result?.ok === true
      ? {
          ...result.letter,
          sections: result.letter.sections.map((s) => ({ ...s, text: edits[s.key] ?? s.text })),
        }
      : null;

  const choose = (id: string) => {
    setChosenId(id);
    setEdits({});
    setStatus(null);
  };
  const switchLang = (next: Lang) => {
    setLang(next);
    setEdits({});
    setStatus(null);
  };

  const produce = async (output: LetterOutput) => {
    if (!letter) return;
    setBusy(output);
    setStatus(null);
    try {
      const request = { letter, settings, fileRef, date: today, outgoing, key: draftKey };
      let saved = true;
      if (output === 'docx') saved = await saveLetterDocx(request);
      else if (output === 'pdf') saved = await saveLetterPdf(db, request);
      else await copyLetterText(letter, settings);
      if (saved) {
        await onProduced?.(letter, output);
        setStatus({ kind: 'done', text: t(`templates.composer.done.${output}`) });
      }
    } catch (failure) {
      setStatus({
        kind: 'error',
        text: t('templates.composer.failed', {
          reason: failure instanceof Error ? failure.message : String(failure),
        }),
      });
    } finally {
      setBusy(null);
    }
  };

  if (templates === undefined) return <p className="muted">{t('templates.loading')}</p>;
  if (!template) return <p className="notice warning">{t('templates.composer.noTemplates')}</p>;

  return (
    <div className="composer">
      <div className="composer-top">
        <Field label={t('templates.composer.template')}>
          <select value={template.id} onChange={(e) => choose(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[uiLang]}
                {tpl.builtIn ? '' : ` — ${t('templates.list.ownBadge')}`}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="lang-toggle">
          <legend>{t('templates.composer.language')}</legend>
          {(['kk', 'ru'] as const).map((code) => (
            <label key={code}>
              <input
                type="radio"
                name="composer-lang"
                value={code}
                checked={lang === code}
                onChange={() => switchLang(code)}
              />
              {labelOf('language', code, code)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="composer-grid">
        <div className="composer-fields">
          <h3>{t('templates.composer.fields')}</h3>
          {fields.length === 0 ? (
            <p className="muted">{t('templates.composer.noFields')}</p>
          ) : (
            fields.map((name) => {
              const def = placeholderDef(`extra.${name}`);
              const label = def?.label[uiLang] ?? name;
              return (
                <Field key={name} label={label}>
                  {def?.type === 'text' ? (
                    <input
                      value={extra[name] ?? ''}
                      data-extra={name}
                      onChange={(e) => {
                        setExtra({ ...extra, [name]: e.target.value });
                        setEdits({});
                      }}
                    />
                  ) : (
                    <textarea
                      rows={name === 'questions' || name === 'answer' ? 5 : 3}
                      value={extra[name] ?? ''}
                      data-extra={name}
                      onChange={(e) => {
                        setExtra({ ...extra, [name]: e.target.value });
                        setEdits({});
                      }}
                    />
                  )}
                </Field>
              );
            })
          )}
        </div>
        <div className="composer-preview" lang={lang}>
          <h3>{t('templates.composer.preview')}</h3>
          {result && !result.ok && (
            <div className="notice warning composer-missing" role="status">
              <p>{t('templates.composer.missing')}</p>
              <ul>
                {result.missing.map((key) => (
                  <li key={key}>{placeholderDef(key)?.label[uiLang] ?? key}</li>
                ))}
              </ul>
            </div>
          )}
          {letter?.sections.map((section) => (
            <Field key={section.key} label={section.title} className="composer-section">
              <textarea
                value={section.text}
                data-section={section.key}
                rows={Math.min(12, Math.max(2, Math.ceil(section.text.length / 70) + 1))}
                onChange={(e) => setEdits({ ...edits, [section.key]: e.target.value })}
              />
            </Field>
          ))}
          {Object.keys(edits).length > 0 && (
            <button type="button" className="link-button" onClick={() => setEdits({})}>
              {t('templates.composer.resetEdits')}
            </button>
          )}
        </div>
      </div>
      {status && (
        <p className={`notice ${status.kind === 'error' ? 'error' : ''}`} role="status">
          {status.text}
        </p>
      )}
      <div className="button-row composer-actions">
        <button
          type="button"
          className="button primary"
          disabled={!letter || busy !== null}
          onClick={() => void produce('docx')}
        >
          {t('templates.composer.docx')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!letter || busy !== null}
          onClick={() => void produce('pdf')}
        >
          {t('templates.composer.pdf')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!letter || busy !== null}
          onClick={() => void produce('copy')}
        >
          {t('templates.composer.copy')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('templates.composer.close')}
        </button>
      </div>
    </div>
  );
}
