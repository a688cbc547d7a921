import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, VULNERABLE_CATEGORIES, type Applicant } from '@shared/domain';
import { useLang } from '@renderer/ui/useLang';
import type { AppealFormValues } from './formModel';

/**
 * Priority suggested for vulnerable applicants: while the assistant has not decided on
 * priority, an applicant in a priority category ticks it with the categories as the reason,
 * and removing that applicant unticks it. Once the assistant touches priority (or restores a
 * draft, or edits a registered appeal) the suggestion stops overriding it.
 */
export function usePrioritySuggestion(
  form: UseFormReturn<AppealFormValues>,
  people: readonly Applicant[],
  decided: boolean,
) {
  const { t } = useTranslation();
  const lang = useLang();
  const { setValue, getValues } = form;
  const categories = VULNERABLE_CATEGORIES.filter((c) =>
    people.some((p) => p.vulnerableCategories.includes(c)),
  );
  const categoriesKey = categories.join(',');
  const suggestion =
    categories.length > 0
      ? t('appealForm.priority.suggested', {
          categories: categories.map((c) => labelOf('vulnerableCategory', c, lang)).join(', '),
        })
      : '';
  /** Set once the assistant decides on priority: suggestions stop overriding it. */
  const [touched, setTouched] = useState(decided);
  useEffect(() => {
    if (touched) return;
    if (categoriesKey !== '') {
      setValue('priority', true);
      setValue('priorityReason', suggestion);
    } else if (getValues('priority')) {
      setValue('priority', false);
      setValue('priorityReason', '');
    }
  }, [touched, categoriesKey, suggestion, setValue, getValues]);
  /** Priority and its reason are the suggestion's, not the assistant's own. */
  const autoPriority = !touched && categoriesKey !== '';
  const touchPriority = () => setTouched(true);
  return { autoPriority, touchPriority };
}
