import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CHECKLIST_PURPOSES,
  labelOf,
  type ChecklistPurpose,
  type ChecklistTemplate,
} from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { saveChecklistTemplate } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { FormDialog, useFormSubmit } from '@renderer/ui/FormDialog';
import { useLang } from '@renderer/ui/useLang';

interface EditValues {
  nameKk: string;
  nameRu: string;
  purpose: ChecklistPurpose;
  steps: { stepId: string | null; kk: string; ru: string; field: string | null }[];
}

function editValues(template: ChecklistTemplate): EditValues {
  return {
    nameKk: template.name.kk,
    nameRu: template.name.ru,
    purpose: template.purpose,
    steps: template.steps.map((s) => ({
      stepId: s.id,
      kk: s.text.kk,
      ru: s.text.ru,
      field: s.field,
    })),
  };
}

/** A name or a step with no text in either language is marked on its Kazakh field. */
function fieldOf(path: string): `nameKk` | `steps.${number}.kk` | undefined {
  if (path === 'name') return 'nameKk';
  const step = /^steps\.(\d+)/.exec(path);
  return step ? `steps.${Number(step[1])}.kk` : undefined;
}

/** Name, purpose and steps (Kazakh and Russian, in order) of an own checklist. */
export function ChecklistEditDialog({
  template,
  onClose,
  onSaved,
}: {
  template: ChecklistTemplate;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx } = useSession();
  const form = useForm<EditValues>({ defaultValues: editValues(template) });
  const { register, control } = form;
  const steps = useFieldArray({ control, name: 'steps' });
  const { submit, failure, errorOf, busy } = useFormSubmit(
    form,
    (values) =>
      saveChecklistTemplate(
        db,
        {
          id: template.id,
          name: { kk: values.nameKk, ru: values.nameRu },
          purpose: values.purpose,
          steps: values.steps.map((s) => ({
            ...(s.stepId ? { id: s.stepId } : {}),
            text: { kk: s.kk, ru: s.ru },
            field: s.field,
          })),
        },
        ctx,
        { expectedVersion: template.version },
      ),
    onSaved,
    { fieldOf },
  );

  return (
    <FormDialog
      wide
      title={t('reception.checklists.editTitle')}
      formId="checklist-edit"
      busy={busy}
      failure={failure}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={
        <>
          {t('common.actions.save')} <kbd className="kbd">Ctrl+Enter</kbd>
        </>
      }
    >
      <div className="checklist-edit-names">
        <Field label={t('reception.checklists.nameKk')} error={errorOf('nameKk')}>
          <input autoComplete="off" autoFocus {...register('nameKk')} />
        </Field>
        <Field label={t('reception.checklists.nameRu')}>
          <input autoComplete="off" {...register('nameRu')} />
        </Field>
        <Field label={t('reception.checklists.purpose')}>
          <select {...register('purpose')}>
            {CHECKLIST_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {labelOf('checklistPurpose', p, lang)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h3 className="settings-subtitle">{t('reception.checklists.stepsTitle')}</h3>
      <ol className="checklist-edit-steps">
        {steps.fields.map((field, i) => (
          <li key={field.id} className="checklist-edit-step" data-testid="checklist-edit-step">
            <span className="checklist-step-number">{i + 1}.</span>
            <Field
              label={t('reception.checklists.stepKk', { n: i + 1 })}
              error={errorOf(`steps.${i}.kk`)}
            >
              <textarea rows={2} {...register(`steps.${i}.kk`)} />
            </Field>
            <Field label={t('reception.checklists.stepRu', { n: i + 1 })}>
              <textarea rows={2} {...register(`steps.${i}.ru`)} />
            </Field>
            <span className="checklist-step-buttons">
              <button
                type="button"
                className="button"
                disabled={i === 0}
                onClick={() => steps.move(i, i - 1)}
                aria-label={`${t('reception.checklists.moveUp')}: ${i + 1}`}
                title={t('reception.checklists.moveUp')}
              >
                ↑
              </button>
              <button
                type="button"
                className="button"
                disabled={i === steps.fields.length - 1}
                onClick={() => steps.move(i, i + 1)}
                aria-label={`${t('reception.checklists.moveDown')}: ${i + 1}`}
                title={t('reception.checklists.moveDown')}
              >
                ↓
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => steps.remove(i)}
                aria-label={`${t('reception.checklists.removeStep')}: ${i + 1}`}
                title={t('reception.checklists.removeStep')}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => steps.append({ stepId: null, kk: '', ru: '', field: null })}
      >
        + {t('reception.checklists.addStep')}
      </button>
    </FormDialog>
  );
}
