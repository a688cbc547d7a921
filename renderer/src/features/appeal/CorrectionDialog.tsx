import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Appeal, NotResolvedReason, Outcome } from '@shared/domain';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { correctAppealDecision } from '@renderer/db/repositories';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { showError, toFormError, type FormError } from '@renderer/ui/errors';
import { ActionForm, ActionFormDialog, submitOnCtrlEnter } from './ActionFormFooter';
import { DecidedOnField, DecisionFields } from './DecisionFields';

const CONTROLS = [
  'decidedOn',
  'outcome',
  'notResolvedReason',
  'forwardedTo',
  'outcomeSummary',
  'reason',
] as const;
type Control = (typeof CONTROLS)[number];

interface CorrectionForm {
  decidedOn: string;
  outcome: Outcome;
  notResolvedReason: NotResolvedReason | '';
  forwardedTo: string;
  outcomeSummary: string;
  reason: string;
}

function isControl(field: string | undefined): field is Control {
  return field !== undefined && (CONTROLS as readonly string[]).includes(field);
}

/**
 * The decision as recorded, open for correction: date, outcome, its reason category, where
 * it was forwarded, what was done — and why it is corrected (shared/workflow/correction.ts).
 * The repository refuses what the rules refuse; each refusal shows on its field.
 */
function CorrectionFields({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today } = useSession();
  const { register, handleSubmit, formState, setFocus, control } = useForm<CorrectionForm>({
    defaultValues: {
      decidedOn: appeal.decidedOn ?? '',
      outcome: appeal.outcome ?? 'resolved',
      notResolvedReason: appeal.notResolvedReason ?? '',
      forwardedTo: appeal.forwardedTo ?? '',
      outcomeSummary: appeal.outcomeSummary,
      reason: '',
    },
  });
  const outcome = useWatch({ control, name: 'outcome' });
  const [error, setError] = useState<FormError | null>(null);
  const shown = showError(error, lang, t, CONTROLS);

  const submit = handleSubmit(async (form) => {
    try {
      await correctAppealDecision(
        db,
        appeal.id,
        {
          decidedOn: form.decidedOn,
          outcome: form.outcome,
          notResolvedReason:
            form.outcome === 'not_resolved' && form.notResolvedReason !== ''
              ? form.notResolvedReason
              : null,
          forwardedTo: form.outcome === 'forwarded' ? form.forwardedTo : null,
          outcomeSummary: form.outcomeSummary,
          reason: form.reason,
        },
        ctx,
        { expectedVersion: appeal.version },
      );
      onDone();
    } catch (failure) {
      const refusal = toFormError(failure);
      setError(refusal);
      const field =
        refusal.kind === 'repository'
          ? refusal.error.issues[0]?.path
          : refusal.kind === 'code'
            ? refusal.field
            : undefined;
      if (isControl(field)) setFocus(field);
    }
  });

  return (
    <ActionForm
      onSubmit={submit}
      lead={t('correction.lead')}
      failure={shown.message}
      busy={formState.isSubmitting}
      onCancel={onDone}
      submitLabel={t('correction.submit')}
    >
      <DecidedOnField
        today={today}
        registration={register('decidedOn')}
        error={shown.fields.decidedOn}
      />
      <DecisionFields outcome={outcome} register={(name) => register(name)} errors={shown.fields} />
      <Field label={t('appeal.dialog.decide.summary')} required error={shown.fields.outcomeSummary}>
        <textarea rows={3} maxLength={5000} {...register('outcomeSummary')} />
      </Field>
      <Field
        label={t('correction.reason')}
        required
        hint={t('correction.reasonHint')}
        error={shown.fields.reason}
      >
        <textarea rows={2} maxLength={1000} {...register('reason')} onKeyDown={submitOnCtrlEnter} />
      </Field>
    </ActionForm>
  );
}

/** Corrects a decision recorded wrongly, with the reason kept in the history. */
export function CorrectionDialog({
  open,
  appeal,
  onClose,
}: {
  open: boolean;
  appeal: Appeal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionFormDialog open={open} title={t('correction.title')} onClose={onClose}>
      <CorrectionFields appeal={appeal} onDone={onClose} />
    </ActionFormDialog>
  );
}
