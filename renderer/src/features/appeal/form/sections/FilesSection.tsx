import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentsField } from '../AttachmentsField';
import type { AppealFormController } from '../useAppealFormController';

/** The scans and files of the appeal: new ones waiting to be saved, stored ones to remove. */
export function FilesSection({ c }: { c: AppealFormController }) {
  const { t } = useTranslation();
  const id = useId();
  const { setPending, setRemovedIds } = c;
  return (
    <section className="form-section card" aria-labelledby={id}>
      <h2 id={id}>{t('appealForm.sections.files')}</h2>
      <AttachmentsField
        pending={c.pending}
        onAdd={(files) => setPending((list) => [...list, ...files])}
        onRemovePending={(key) => setPending((list) => list.filter((f) => f.key !== key))}
        stored={c.storedFiles}
        removedIds={c.removedIds}
        onToggleStored={(fileId) =>
          setRemovedIds((list) =>
            list.includes(fileId) ? list.filter((x) => x !== fileId) : [...list, fileId],
          )
        }
      />
    </section>
  );
}
