import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { addWorkingDays } from '@shared/calendar';
import { addHours } from '@shared/calendar/dates';
import { addMonthsClamped } from '@shared/calendar/dates';
import type { Settings } from '@shared/domain';
import {
  DEFAULT_DEADLINE_RULES,
  deadlineRulesSchema,
  type DeadlineRules,
} from '@shared/workflow/deadlines';
import { useSession } from '@renderer/app/session';
import { formatDay, formatDayTime } from '@shared/format';
import { SaveBar } from './SaveBar';
import { useSectionForm } from './useSectionForm';
import { NotificationSettings } from '@renderer/features/notifications';

type RuleKey = keyof DeadlineRules;
type Unit = 'hours' | 'workingDays' | 'months';
type Basis = 'checklist72' | 'appk76' | 'appk65' | 'checklistStep7' | 'officePractice';

/** Every rule, in the order an appeal meets them, with its unit, bound and legal basis. */
export const DEADLINE_RULES: readonly { key: RuleKey; unit: Unit; max: number; basis: Basis }[] = [
  { key: 'acknowledgeHours', unit: 'hours', max: 720, basis: 'checklist72' },
  { key: 'forwardWorkingDays', unit: 'workingDays', max: 60, basis: 'appk65' },
  { key: 'decideWorkingDays', unit: 'workingDays', max: 120, basis: 'appk76' },
  { key: 'extensionMaxMonths', unit: 'months', max: 12, basis: 'appk76' },
  { key: 'extensionNoticeWorkingDays', unit: 'workingDays', max: 60, basis: 'appk76' },
  { key: 'informWorkingDays', unit: 'workingDays', max: 60, basis: 'checklistStep7' },
  { key: 'inquiryAnswerWorkingDays', unit: 'workingDays', max: 120, basis: 'officePractice' },
];

const deadlinesSchema = z.object({ deadlines: deadlineRulesSchema });

function deadlineValues(settings: Settings) {
  return { deadlines: { ...settings.deadlines } };
}

function sameRules(a: DeadlineRules, b: DeadlineRules): boolean {
  return DEADLINE_RULES.every(({ key }) => a[key] === b[key]);
}

/**
 * Deadline rules: each value with what it means and where it comes from. New values apply
 * to appeals registered from then on; deadlines already computed stay as they were.
 */
export function DeadlinesSection() {
  const { t } = useTranslation();
  const { calendar, today } = useSession();
  const { form, state, save, onSubmit, isDirty } = useSectionForm(deadlinesSchema, deadlineValues);
  const { register, formState, watch } = form;
  const values = watch('deadlines');
  // From the form, not the live settings: right after a save they may still be the old ones.
  const isDefault = !isDirty && values !== undefined && sameRules(values, DEFAULT_DEADLINE_RULES);

  const example = (key: RuleKey): string | null => {
    const n = values?.[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return null;
    try {
      const date =
        key === 'acknowledgeHours'
          ? formatDayTime(addHours(`${today}T10:00`, n))
          : key === 'extensionMaxMonths'
            ? formatDay(addMonthsClamped(today, n))
            : formatDay(addWorkingDays(calendar, today, n));
      return t(`settings.deadlines.example.${key}`, { date });
    } catch {
      return null;
    }
  };

  return (
    <form className="settings-form deadlines-form" onSubmit={onSubmit} noValidate>
      <p className="settings-lead">{t('settings.deadlines.lead')}</p>
      <ol className="deadline-rules">
        {DEADLINE_RULES.map(({ key, unit, max, basis }) => {
          const id = `deadline-${key}`;
          const invalid = formState.errors.deadlines?.[key] !== undefined;
          const shown = example(key);
          return (
            <li key={key} className={`deadline-rule${invalid ? ' has-error' : ''}`}>
              <div className="deadline-rule-text">
                <label htmlFor={id} className="deadline-rule-title">
                  {t(`settings.deadlines.rules.${key}.title`)}
                </label>
                <p>{t(`settings.deadlines.rules.${key}.meaning`)}</p>
                <p className="deadline-basis">
                  <span>{t('settings.deadlines.basis')}</span>{' '}
                  {t(`settings.deadlines.bases.${basis}`)}
                </p>
              </div>
              <div className="deadline-rule-value">
                <div className="deadline-input">
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={max}
                    step={1}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? `${id}-error` : undefined}
                    {...register(`deadlines.${key}`, { valueAsNumber: true })}
                  />
                  <span>
                    {t(`settings.deadlines.units.${unit}`, {
                      count: Number.isFinite(values?.[key]) ? Number(values?.[key]) : 0,
                    })}
                  </span>
                </div>
                <div className="deadline-default">
                  {t('settings.deadlines.default', {
                    value: DEFAULT_DEADLINE_RULES[key],
                  })}
                </div>
                {invalid ? (
                  <div id={`${id}-error`} className="field-error" role="alert">
                    {t('settings.deadlines.range', { max })}
                  </div>
                ) : (
                  shown && <div className="deadline-example">{shown}</div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="settings-hint">{t('settings.deadlines.appliesToNew')}</p>
      <SaveBar state={state} dirty={isDirty}>
        <button
          type="button"
          className="button"
          disabled={isDefault || state.kind === 'saving'}
          onClick={() => void save({ deadlines: { ...DEFAULT_DEADLINE_RULES } })}
        >
          {t('settings.deadlines.restoreDefaults')}
        </button>
      </SaveBar>
      <NotificationSettings />
    </form>
  );
}
