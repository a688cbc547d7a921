import { useState } from 'react';
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
  const enumOptions = (group: EnumLabelGroup, values: readonly string[]) =>
    values.map((value) => ({ value, label: labelOf(group, value, lang) }));

  const selects: { key: SelectKey; options: { value: string; label: string }[] }[] = [
    { key: 'status', options: enumOptions('status', APPEAL_STATUSES) },
    {
      key: 'deadline',
      options: DEADLINE_STATES.map((s) => ({ value: s, label: t(`common.deadlineState.${s}`) })),
    },
    {
      key: 'topic',
      options: settings.topics.map((topic) => ({ value: topic.id, label: topic[lang] })),
    },
    { key: 'outcome', options: enumOptions('outcome', OUTCOMES) },
    { key: 'channel', options: enumOptions('channel', APPEAL_CHANNELS) },
    { key: 'kind', options: enumOptions('kind', APPEAL_KINDS) },
    { key: 'assignee', options: settings.users.map((u) => ({ value: u.id, label: u.fullName })) },
    { key: 'priority', options: [{ value: 'yes', label: t('registry.priorityOnly') }] },
  ];

  return (
    <div className="filters-grid">
      {selects.map(({ key, options }) => (
        <label key={key} className="filter">
          <span>{t(`registry.filters.${key}`)}</span>
          <select value={query[key]} onChange={(e) => onChange({ [key]: e.target.value })}>
            <option value="">{t('registry.filters.any')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="filter">
        <span>{t('registry.filters.locality')}</span>
        <input value={query.locality} onChange={(e) => onChange({ locality: e.target.value })} />
      </label>
      <label className="filter">
        <span>{t('registry.filters.from')}</span>
        <DateInput
          value={query.from}
          onChange={(e) => {
            if (isDateOrEmpty(e.target.value)) onChange({ from: e.target.value });
          }}
        />
      </label>
      <label className="filter">
        <span>{t('registry.filters.to')}</span>
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
        {t('registry.filters.reset')}
      </button>
    </div>
  );
}
