import type { TFunction } from 'i18next';
import type { Lang } from '@shared/i18n/lang';
import { formatDay, formatQuarter, monthWord } from '@shared/format';
import type { ScoreStep, StepAction } from '@shared/scorecard';

/** Where each "what to do next" leads. */
const ACTION_LINKS: Readonly<Record<StepAction, { to: string; label: string }>> = {
  keep_receptions: { to: '/reception', label: 'reception' },
  plan_reception: { to: '/reception/new', label: 'reception' },
  hold_receptions: { to: '/reception/new', label: 'reception' },
  announce_earlier: { to: '/reception', label: 'reception' },
  keep_announcing: { to: '/reception', label: 'reception' },
  add_profile_channels: { to: '/settings/profile', label: 'profile' },
  invite_messengers: { to: '/settings/profile', label: 'profile' },
  keep_channels: { to: '/registry?channel=telegram', label: 'registry' },
  record_publication: { to: '/openness?record=publication', label: 'openness' },
  publish_report: { to: '/reports', label: 'report' },
  publish_on_time: { to: '/openness?record=publication', label: 'openness' },
  keep_publishing: { to: '/openness', label: 'openness' },
  collect_feedback: { to: '/openness?record=feedback', label: 'openness' },
  keep_feedback: { to: '/openness?record=feedback', label: 'openness' },
  contact_now: { to: '/registry?view=not_contacted', label: 'registry' },
  keep_contact: { to: '/registry?view=not_contacted', label: 'registry' },
  update_stale: { to: '/openness#stale', label: 'stale' },
  keep_current: { to: '/registry', label: 'registry' },
};

export interface StepTexts {
  title: string;
  value: string;
  action: string;
  link: { to: string; label: string };
}

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** The words of one step: its title, the number behind it, and what to do next. */
export function stepTexts(step: ScoreStep, t: TFunction, lang: Lang): StepTexts {
  const d = step.detail;
  const quarter = d['quarter'] ? formatQuarter(str(d['quarter']), lang) : '';
  const due = d['due'] ? formatDay(str(d['due'])) : '';
  const base = { count: step.count, total: step.total ?? 0, percent: step.percent ?? 0 };
  let value: string;
  switch (step.id) {
    case 'receptions':
      value = step.total
        ? t('scorecard.value.receptions', base)
        : t('scorecard.value.receptionsNone');
      break;
    case 'announced':
      value = step.total
        ? t('scorecard.value.announced', { ...base, days: d['days'] })
        : t('scorecard.value.announcedNone');
      break;
    case 'channels': {
      const profile = str(d['profile']) || t('scorecard.value.profileNone');
      value =
        step.count > 0
          ? t('scorecard.value.channels', { ...base, profile })
          : t('scorecard.value.channelsNoAppeals', { profile });
      break;
    }
    case 'report':
      value =
        d['publishedOn'] !== undefined
          ? t(
              Number(d['daysLate']) > 0
                ? 'scorecard.value.reportLate'
                : 'scorecard.value.reportPublished',
              {
                quarter,
                date: formatDay(str(d['publishedOn'])),
                days: d['daysLate'],
              },
            )
          : t(
              d['daysLeft'] !== undefined
                ? 'scorecard.value.reportPending'
                : 'scorecard.value.reportMissed',
              {
                quarter,
                due,
              },
            );
      break;
    case 'feedback':
      value = step.count
        ? t('scorecard.value.feedback', { count: step.count, responses: d['responses'] })
        : t('scorecard.value.feedbackNone');
      break;
    case 'firstContact':
      value = step.total
        ? t('scorecard.value.firstContact', base)
        : t('scorecard.value.firstContactNone');
      break;
    case 'statusCurrent':
      value = step.total
        ? t('scorecard.value.statusCurrent', { ...base, days: d['days'] })
        : t('scorecard.value.statusNone');
      break;
  }
  const month = d['month'] ? monthWord(Number(str(d['month']).slice(5, 7)), lang) : '';
  const action = t(`scorecard.action.${step.action}`, {
    month,
    quarter,
    due,
    days: d['days'] ?? 3,
    n: d['stale'] ?? d['waitingLate'] ?? 0,
  });
  const link = ACTION_LINKS[step.action];
  return {
    title: t(`scorecard.steps.${step.id}`),
    value,
    action,
    link: { to: link.to, label: t(`scorecard.go.${link.label}` as 'scorecard.go.reception') },
  };
}
