import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, TEMPLATE_KINDS, type Template } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import {
  copyTemplate,
  deleteTemplate,
  describeRepositoryError,
  RepositoryError,
} from '@renderer/db/repositories';
import { listTemplates } from '@renderer/db/queries/templates';
import { useLang } from '@renderer/ui/useLang';
import './templates.css';
import { describeWriteError } from '@renderer/ui/errors';

function TemplateRow({
  template,
  onCopy,
  onDelete,
}: {
  template: Template;
  onCopy: (template: Template) => void;
  onDelete: (template: Template) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <li className="template-row" data-template={template.key ?? template.id}>
      <div className="template-row-main">
        <Link to={`/templates/${template.id}`} className="template-name">
          {template.name[lang]}
        </Link>
        <span className={`template-badge${template.builtIn ? ' built-in' : ' own'}`}>
          {template.builtIn ? t('templates.list.builtInBadge') : t('templates.list.ownBadge')}
        </span>
        <span className="muted template-sections">
          {t('templates.list.sections', { count: template.sections.length })}
        </span>
      </div>
      <div className="button-row">
        <button type="button" className="button small" onClick={() => onCopy(template)}>
          {t('templates.list.copy')}
        </button>
        {!template.builtIn && (
          <button type="button" className="button small danger" onClick={() => onDelete(template)}>
            {t('templates.list.delete')}
          </button>
        )}
      </div>
    </li>
  );
}

/** `/templates`: the letters the office writes, built-in and its own, grouped by kind. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const navigate = useNavigate();
  const { ctx } = useSession();
  const templates = useLiveQuery(() => listTemplates(db), [db]);
  const [error, setError] = useState<string | null>(null);

  const failed = (failure: unknown) => {
    setError(
      failure instanceof RepositoryError
        ? (describeRepositoryError(failure, lang).message ?? failure.message)
        : (describeWriteError(failure, lang, false)?.message ?? String(failure)),
    );
  };
  const copy = async (template: Template) => {
    try {
      const created = await copyTemplate(db, template.id, ctx);
      await navigate(`/templates/${created.id}`);
    } catch (failure) {
      failed(failure);
    }
  };
  const remove = async (template: Template) => {
    if (!window.confirm(t('templates.list.deleteConfirm', { name: template.name[lang] }))) return;
    try {
      await deleteTemplate(db, template.id, ctx);
    } catch (failure) {
      failed(failure);
    }
  };

  return (
    <section className="page templates-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('templates.title')}</h1>
      <p className="lead">{t('templates.list.intro')}</p>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {templates === undefined ? (
        <p className="muted">{t('templates.loading')}</p>
      ) : (
        TEMPLATE_KINDS.map((kind) => {
          const ofKind = templates.filter((tpl) => tpl.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <section key={kind} className="card template-group" aria-labelledby={`kind-${kind}`}>
              <h2 id={`kind-${kind}`}>{labelOf('templateKind', kind, lang)}</h2>
              <ul className="template-list">
                {ofKind.map((template) => (
                  <TemplateRow
                    key={template.id}
                    template={template}
                    onCopy={(tpl) => void copy(tpl)}
                    onDelete={(tpl) => void remove(tpl)}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}
