import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  labelOf,
  OUTCOMES,
  type EnumLabelGroup,
  type Settings,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { DEADLINE_STATES, type RegistryQuery } from './query';
import { DateInput } from '@renderer/ui/DateInput';

/** A half-typed date («05.12.20») does not reach the query; a whole one or an empty box does. */
const isDateOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);

interface Props {
  query: RegistryQuery;
  onChange: (patch: Partial<RegistryQuery>) => void;
  settings: Settings;
  lang: Lang;
  active: boolean;
}

type SelectKey =
  'status' | 'outcome' | 'topic' | 'channel' | 'kind' | 'assignee' | 'deadline' | 'priority';

/**
 * The filters, folded away until opened (open by themselves while any is set). Their
 * controls are rendered only while open: eight lists of options and two date boxes cost
 * the registry's first paint and every keystroke of a search otherwise, for nothing seen.
 */
export function RegistryFilters(props: Props) {
  const { t } = useTranslation();
  const { active } = props;
  const [opened, setOpened] = useState(active);
  const open = opened || active;
  return (
    <details
      className="registry-filters"
      open={open || undefined}
      onToggle={(e) => setOpened(e.currentTarget.open)}
    >
      <summary>
        {t('registry.filters.title')}
        {active && <span className="filters-on">●</span>}
      </summary>
      {open && <FiltersGrid {...props} />}
    </details>
  );
}

function FiltersGrid({ query, onChange, settings, lang, active }: Props) {
  const { t } = useTranslation();
  const { topics, users } = settings;
  // The lists and their labels, once per language and settings: the grid renders again at
  // every change of a filter, and an i18next call takes tens of microseconds.
  const selects = useMemo(() => {
    const enumOptions = (group: EnumLabelGroup, values: readonly string[]) =>
      values.map((value) => ({ value, label: labelOf(group, value, lang) }));
    const lists: { key: SelectKey; options: { value: string; label: string }[] }[] = [
      { key: 'status', options: enumOptions('status', APPEAL_STATUSES) },
      {
        key: 'deadline',
        options: DEADLINE_STATES.map((s) => ({ value: s, label: t(`common.deadlineState.${s}`) })),
      },
      {
        key: 'topic',
        options: topics.map((topic) => ({ value: topic.id, label: topic[lang] })),
      },
      { key: 'outcome', options: enumOptions('outcome', OUTCOMES) },
      { key: 'channel', options: enumOptions('channel', APPEAL_CHANNELS) },
      { key: 'kind', options: enumOptions('kind', APPEAL_KINDS) },
      { key: 'assignee', options: users.map((u) => ({ value: u.id, label: u.fullName })) },
      { key: 'priority', options: [{ value: 'yes', label: t('registry.priorityOnly') }] },
    ];
    return lists.map((list) => ({ ...list, label: t(`registry.filters.${list.key}`) }));
  }, [t, lang, topics, users]);
  const labels = useMemo(
    () => ({
      any: t('registry.filters.any'),
      locality: t('registry.filters.locality'),
      from: t('registry.filters.from'),
      to: t('registry.filters.to'),
      reset: t('registry.filters.reset'),
    }),
    [t],
  );

  return (
    <div className="filters-grid">
      {selects.map(({ key, label, options }) => (
        <label key={key} className="filter">
          <span>{label}</span>
          <select value={query[key]} onChange={(e) => onChange({ [key]: e.target.value })}>
            <option value="">{labels.any}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="filter">
        <span>{labels.locality}</span>
        <input value={query.locality} onChange={(e) => onChange({ locality: e.target.value })} />
      </label>
      <label className="filter">
        <span>{labels.from}</span>
        <DateInput
          value={query.from}
          onChange={(e) => {
            if (isDateOrEmpty(e.target.value)) onChange({ from: e.target.value });
          }}
        />
      </label>
      <label className="filter">
        <span>{labels.to}</span>
        <DateInput
          value={query.to}
          onChange={(e) => {
            if (isDateOrEmpty(e.target.value)) onChange({ to: e.target.value });
          }}
        />
      </label>
      <button
        type="button"
        className="button"
        disabled={!active}
        onClick={() =>
          onChange({
            status: '',
            outcome: '',
            topic: '',
            channel: '',
            kind: '',
            locality: '',
            assignee: '',
            priority: '',
            deadline: '',
            from: '',
            to: '',
          })
        }
      >
        {labels.reset}
      </button>
    </div>
  );
}
