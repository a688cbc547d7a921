import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { topicLabel, type Topic } from '@shared/domain';
import { useLang } from '@renderer/ui/useLang';

/** Topics in use (retired ones only when the record already has one), or none. */
export const TopicSelect = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { topics: readonly Topic[]; current: string | null }
>(function TopicSelect({ topics, current, ...props }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = topics.filter((topic) => !topic.retired || topic.id === current);
  return (
    <select ref={ref} {...props}>
      <option value="">{t('initiatives.form.noTopic')}</option>
      {shown.map((topic) => (
        <option key={topic.id} value={topic.id}>
          {topicLabel(topics, topic.id, lang)}
        </option>
      ))}
      {current !== null && !topics.some((topic) => topic.id === current) && (
        <option value={current}>{current}</option>
      )}
    </select>
  );
});
