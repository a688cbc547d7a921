import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { Appeal } from '@shared/domain';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { AppealForm } from './AppealForm';
import type { StoredFile } from './AttachmentsField';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';

/**
 * `/appeals/new` registers an appeal; `/appeals/:id/edit` edits one. Each navigation to the
 * new-appeal form (its own location key) is a new form: when «New appeal» is pressed before
 * the page of the appeal just registered has rendered, React renders both navigations at
 * once, and without the key it would keep the old form, still saving, whose next save would
 * never start.
 */
export function AppealFormPage() {
  const { id } = useParams();
  const { key } = useLocation();
  return id ? <EditAppeal key={id} id={id} /> : <AppealForm key={`new-${key}`} />;
}

function EditAppeal({ id }: { id: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const loaded = useLiveQuery(async () => {
    const appeal = await db.appeals.get(id);
    if (!appeal || appeal.deletedAt !== null) return { appeal: null, files: [] };
    const files = await db.attachments.where('appealId').equals(id).toArray();
    return {
      appeal,
      files: files
        .filter((f) => f.deletedAt === null)
        .map((f): StoredFile => ({
          id: f.id,
          fileName: f.fileName,
          mimeType: f.mimeType,
          size: f.size,
          blob: f.blob,
        })),
    };
  }, [db, id]);
  if (loaded === undefined) return <div className="loading" aria-busy="true" />;
  if (loaded.appeal === null) {
    return (
      <NotFoundPage
        title={t('appealForm.notFound.title')}
        body={t('appealForm.notFound.body')}
        backTo="/registry"
        backLabel={t('appealForm.notFound.back')}
      />
    );
  }
  return <FrozenEdit appeal={loaded.appeal} files={loaded.files} />;
}

/**
 * The form edits the appeal as it was when opened: a later change by someone else is caught
 * on save (version check) instead of silently replacing what is being typed.
 */
function FrozenEdit(props: { appeal: Appeal; files: StoredFile[] }) {
  const [opened] = useState(props);
  return <AppealForm appeal={opened.appeal} storedFiles={opened.files} />;
}
