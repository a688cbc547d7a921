import { useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import {
  INFORM_CHANNELS,
  labelOf,
  type Appeal,
  type Applicant,
  type InformChannel,
  type NotResolvedReason,
  type Outcome,
} from '@shared/domain';
import { applyTransition, type ActionType, type WorkflowAction } from '@shared/workflow/status';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import { transitionAppeal } from '@renderer/db/repositories';
import { Dialog } from '@renderer/ui/Dialog';
import { Field } from '@renderer/ui/Field';
import { useLang } from '@renderer/ui/useLang';
import { codeError, showError, toFormError, type FormError } from '@renderer/ui/errors';
import { ActionForm, submitOnCtrlEnter } from './ActionFormFooter';
import { DecidedOnField, DecisionFields } from './DecisionFields';
import { DateInput } from '@renderer/ui/DateInput';

interface ActionForm {
  outcome: Outcome | '';
  notResolvedReason: NotResolvedReason | '';
  forwardedTo: string;
  outcomeSummary: string;
  decidedOn: string;
  informedAt: string;
  via: InformChannel | '';
  reason: string;
  note: string;
}

/** The controls of each action's dialog, by form control name. */
const CONTROLS: Readonly<Record<ActionType, readonly (keyof ActionForm)[]>> = {
  start: ['note'],
  awaitAgency: ['note'],
  agencyAnswered: ['note'],
  decide: ['outcome', 'notResolvedReason', 'forwardedTo', 'outcomeSummary', 'decidedOn'],
  informApplicant: ['informedAt', 'via', 'note'],
  close: ['note'],
  reopen: ['reason'],
};

function initialForm(appeal: Appeal, applicant: Applicant | null, today: string): ActionForm {
  const preferred = applicant?.preferredChannel ?? null;
  return {
    outcome: '',
    notResolvedReason: '',
    forwardedTo: appeal.forwardedTo ?? '',
    // After a reopen the previous summary stays as a starting point.
    outcomeSummary: appeal.outcomeSummary,
    decidedOn: today,
    informedAt: toKzLocalDateTime(new Date()),
    via: preferred && (INFORM_CHANNELS as readonly string[]).includes(preferred) ? preferred : '',
    reason: '',
    note: '',
  };
}

export function buildAction(type: ActionType, form: ActionForm): WorkflowAction {
  const note = form.note.trim() || undefined;
  switch (type) {
    case 'decide':
      return {
        type,
        // An empty choice is refused by the workflow guard with its own message.
        outcome: form.outcome as Outcome,
        outcomeSummary: form.outcomeSummary,
        notResolvedReason:
          form.outcome === 'not_resolved' ? (form.notResolvedReason as NotResolvedReason) : null,
        decidedOn: form.decidedOn,
        ...(form.outcome === 'forwarded' ? { forwardedTo: form.forwardedTo } : {}),
      };
    case 'informApplicant':
      return { type, informedAt: form.informedAt, via: form.via as InformChannel, note };
    case 'reopen':
      return { type, reason: form.reason };
    default:
      return { type, note };
  }
}

function ActionFormBody({
  action,
  appeal,
  applicant,
  onDone,
  onCancel,
  onSwitch,
}: {
  action: ActionType;
  appeal: Appeal;
  applicant: Applicant | null;
  onDone: () => void;
  onCancel: () => void;
  onSwitch: (action: ActionType) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const db = useDb();
  const { ctx, today, user } = useSession();
  const { register, control, handleSubmit, formState, setFocus } = useForm<ActionForm>({
    defaultValues: initialForm(appeal, applicant, today),
  });
  const outcome = useWatch({ control, name: 'outcome' });
  const [error, setError] = useState<FormError | null>(null);
  const busy = formState.isSubmitting;
  const controls = CONTROLS[action];
  const shown = showError(error, lang, t, controls);

  const refuse = (refusal: FormError) => {
    setError(refusal);
    const field = refusal.kind === 'code' ? refusal.field : undefined;
    if (field && (controls as readonly string[]).includes(field)) {
      setFocus(field as keyof ActionForm);
    }
  };

  const submit = handleSubmit(async (form) => {
    const workflowAction = buildAction(action, form);
    // The same guards the repository applies, checked first so the right field is marked.
    const check = applyTransition(appeal, workflowAction, {
      now: new Date().toISOString(),
      userId: user.id,
    });
    if (!check.ok) {
      refuse(codeError(check.error.code));
      return;
    }
    try {
      await transitionAppeal(db, appeal.id, workflowAction, ctx, {
        expectedVersion: appeal.version,
      });
      onDone();
    } catch (failure) {
      refuse(toFormError(failure));
    }
  });

  let fields: ReactNode;
  switch (action) {
    case 'decide':
      fields = (
        <>
          <DecisionFields
            outcome={outcome}
            register={(name) => register(name)}
            errors={shown.fields}
            chooseOutcome
            forwardedToHint
          />
          <Field
            label={t('appeal.dialog.decide.summary')}
            required
            hint={t('appeal.dialog.decide.summaryHint')}
            error={shown.fields.outcomeSummary}
          >
            <textarea
              rows={4}
              maxLength={5000}
              {...register('outcomeSummary')}
              onKeyDown={submitOnCtrlEnter}
            />
          </Field>
          <DecidedOnField
            today={today}
            registration={register('decidedOn')}
            error={shown.fields.decidedOn}
          />
        </>
      );
      break;
    case 'informApplicant':
      fields = (
        <>
          <Field
            label={t('appeal.dialog.informApplicant.informedAt')}
            required
            error={shown.fields.informedAt}
            className="field-short"
          >
            <DateInput kind="datetime" {...register('informedAt')} />
          </Field>
          <Field label={t('appeal.dialog.informApplicant.via')} required error={shown.fields.via}>
            <select {...register('via')}>
              <option value="">{t('appeal.dialog.informApplicant.chooseVia')}</option>
              {INFORM_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {labelOf('informChannel', c, lang)}
                </option>
              ))}
            </select>
          </Field>
        </>
      );
      break;
    case 'reopen':
      fields = (
        <>
          <p className="dialog-lead">{t('appeal.dialog.reopen.lead')}</p>
          <Field
            label={t('appeal.dialog.reopen.reason')}
            required
            hint={t('appeal.notes.hint')}
            error={shown.fields.reason}
          >
            <textarea
              rows={3}
              maxLength={1000}
              {...register('reason')}
              onKeyDown={submitOnCtrlEnter}
            />
          </Field>
        </>
      );
      break;
    default:
      fields = <p className="dialog-lead">{t(`appeal.dialog.${action}.lead`)}</p>;
  }

  const withNote = controls.includes('note');
  const closeRefused =
    action === 'close' && error?.kind === 'code' && error.code === 'applicant_informed_required';

  return (
    <ActionForm
      onSubmit={submit}
      failure={shown.message}
      failureActions={
        closeRefused && (
          <div className="notice-actions">
            <button type="button" className="button" onClick={() => onSwitch('informApplicant')}>
              {t('appeal.dialog.close.informFirst')}
            </button>
          </div>
        )
      }
      busy={busy}
      onCancel={onCancel}
      submitLabel={labelOf('workflowAction', action, lang)}
    >
      {fields}
      {withNote && (
        <Field label={t('appeal.dialog.note')} error={shown.fields.note}>
          <input maxLength={2000} {...register('note')} />
        </Field>
      )}
    </ActionForm>
  );
}

/**
 * The dialog of one workflow action: asks for exactly what the action's guard needs and
 * shows a refusal in the user's language; nothing is stored unless the whole action is.
 */
export function ActionDialog({
  action,
  appeal,
  applicant,
  onClose,
  onDone,
  onSwitch,
}: {
  action: ActionType | null;
  appeal: Appeal;
  applicant: Applicant | null;
  onClose: () => void;
  /** After the action was stored (the dialog closes too). */
  onDone: () => void;
  onSwitch: (action: ActionType) => void;
}) {
  const lang = useLang();
  return (
    <Dialog
      open={action !== null}
      title={action ? labelOf('workflowAction', action, lang) : ''}
      onClose={onClose}
      wide={action === 'decide'}
    >
      {action && (
        <ActionFormBody
          key={action}
          action={action}
          appeal={appeal}
          applicant={applicant}
          onDone={() => {
            onClose();
            onDone();
          }}
          onCancel={onClose}
          onSwitch={onSwitch}
        />
      )}
    </Dialog>
  );
}
