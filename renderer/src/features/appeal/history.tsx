import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import {
  labelOf,
  topicLabel,
  type AppEvent,
  type AppealStatus,
  type EnumLabelGroup,
  type StaffUser,
  type Topic,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatDay, formatDayTime, formatTimestamp } from '@shared/format';
import { useFixedT } from '@renderer/ui/useFixedT';
import './appeal.css';
import './appealHistory.css';
import './appealDialogs.css';

/** What the history needs to turn ids into names. */
export interface HistoryLookups {
  users: readonly StaffUser[];
  topics: readonly Topic[];
  applicantNames: ReadonlyMap<string, string>;
  attachmentNames: ReadonlyMap<string, string>;
}

/** Fields whose values are enum members, and the label group that names them. */
const ENUM_FIELDS: Readonly<Record<string, EnumLabelGroup>> = {
  channel: 'channel',
  kind: 'kind',
  status: 'status',
  outcome: 'outcome',
  notResolvedReason: 'notResolvedReason',
  proposedAction: 'proposedAction',
  informedVia: 'informChannel',
};
const DAY_FIELDS = new Set(['registeredOn', 'decidedOn', 'extendedTo', 'decideBy']);
const DATE_TIME_FIELDS = new Set([
  'receivedAt',
  'firstContactAt',
  'applicantInformedAt',
  'acknowledgeBy',
]);
/** Long free texts are cut in the timeline; the full text is on the appeal itself. */
const MAX_VALUE_LENGTH = 280;

export function userName(users: readonly StaffUser[], id: string, t: TFunction): string {
  return users.find((u) => u.id === id)?.fullName ?? t('appeal.history.unknownUser');
}

function cut(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** One value of a changed field, readable in the given language. */
export function formatFieldValue(
  field: string,
  value: unknown,
  lookups: HistoryLookups,
  t: TFunction,
  lang: Lang,
): string {
  const empty = t('appeal.history.emptyValue');
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value) && value.length === 0) return empty;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const group = ENUM_FIELDS[field];
    if (group) return labelOf(group, value, lang);
    if (DAY_FIELDS.has(field)) return formatDay(value);
    if (DATE_TIME_FIELDS.has(field)) return formatDayTime(value);
    if (field === 'topic') return topicLabel(lookups.topics, value, lang);
    if (field === 'assignee') return userName(lookups.users, value, t);
    if (field === 'applicantId') return lookups.applicantNames.get(value) || t('common.anonymous');
    return cut(value);
  }
  if (Array.isArray(value)) {
    const names = value.map((item) => {
      const text = String(item);
      if (field === 'coApplicantIds') return lookups.applicantNames.get(text) ?? text;
      if (field === 'attachmentIds') return lookups.attachmentNames.get(text) ?? text;
      return text;
    });
    return cut(names.join(', '));
  }
  if (typeof value === 'object') {
    // A location: its parts from the widest to the narrowest.
    const parts = Object.values(value as Record<string, unknown>).filter(
      (part): part is string | number =>
        (typeof part === 'string' && part.trim() !== '') || typeof part === 'number',
    );
    return parts.length ? cut(parts.join(', ')) : empty;
  }
  return cut(String(value));
}

/** The label of a field, or its code for a field this version does not know. */
export function fieldLabel(field: string, t: TFunction): string {
  const key = `appeal.fields.${field}` as const;
  // Unknown keys come back as the key itself: show the raw field name instead.
  const text = t(key as 'appeal.fields.subject');
  return text === key ? field : text;
}

function StatusPill({ status, lang }: { status: AppealStatus; lang: Lang }) {
  return <span className={`status-badge ${status}`}>{labelOf('status', status, lang)}</span>;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function EventBody({
  event,
  lookups,
  t,
  lang,
}: {
  event: AppEvent;
  lookups: HistoryLookups;
  t: TFunction;
  lang: Lang;
}) {
  const lines: ReactNode[] = [];
  let note: string | null = event.note.trim() || null;
  switch (event.type) {
    case 'created':
      lines.push(t('appeal.history.regNo', { regNo: event.data.regNo }));
      break;
    case 'statusChanged': {
      const data = event.data as Record<string, unknown> & typeof event.data;
      lines.push(
        <span className="timeline-status">
          <StatusPill status={data.from} lang={lang} />
          <span className="timeline-arrow"> → </span>
          <StatusPill status={data.to} lang={lang} />
          <span className="timeline-action">({labelOf('workflowAction', data.action, lang)})</span>
        </span>,
      );
      if (data.action === 'decide' && data.outcome) {
        lines.push(
          t('appeal.history.outcome', { outcome: labelOf('outcome', data.outcome, lang) }),
        );
        const reason = asString(data.notResolvedReason);
        if (reason) {
          lines.push(
            t('appeal.history.notResolvedReason', {
              reason: labelOf('notResolvedReason', reason, lang),
            }),
          );
        }
        const forwardedTo = asString(data.forwardedTo);
        if (forwardedTo) lines.push(t('appeal.history.forwardedTo', { to: forwardedTo }));
        const decidedOn = asString(data.decidedOn);
        if (decidedOn) lines.push(t('appeal.history.decidedOn', { date: formatDay(decidedOn) }));
        const summary = asString(data.outcomeSummary);
        if (summary) lines.push(t('appeal.history.summary', { text: cut(summary) }));
      }
      if (data.action === 'reopen') {
        const reason = asString(data.reason);
        if (reason) {
          lines.push(t('appeal.history.reason', { reason }));
          if (note === reason.trim()) note = null;
        }
        const previous = data.previous as { outcome?: unknown } | undefined;
        const previousOutcome = asString(previous?.outcome);
        if (previousOutcome) {
          lines.push(
            t('appeal.history.previousOutcome', {
              outcome: labelOf('outcome', previousOutcome, lang),
            }),
          );
        }
      }
      break;
    }
    case 'fieldChanged':
      lines.push(
        <ul className="timeline-changes">
          {event.data.changes.map((change, i) => (
            <li key={`${change.field}-${String(i)}`}>
              <span className="timeline-field">{fieldLabel(change.field, t)}:</span>{' '}
              <span className="timeline-old">
                {formatFieldValue(change.field, change.from, lookups, t, lang)}
              </span>
              <span className="timeline-arrow"> → </span>
              <span className="timeline-new">
                {formatFieldValue(change.field, change.to, lookups, t, lang)}
              </span>
            </li>
          ))}
        </ul>,
      );
      break;
    case 'deadlineExtended':
      lines.push(
        t('appeal.history.deadline', {
          from: formatDay(event.data.from),
          to: formatDay(event.data.to),
        }),
      );
      if (event.data.reason.trim()) {
        lines.push(t('appeal.history.reason', { reason: event.data.reason }));
        if (note === event.data.reason.trim()) note = null;
      }
      break;
    case 'applicantInformed':
      lines.push(
        t('appeal.history.informed', {
          at: formatDayTime(event.data.informedAt),
          via: labelOf('informChannel', event.data.via, lang),
        }),
      );
      break;
    case 'attachmentAdded':
      lines.push(t('appeal.history.file', { name: event.data.fileName }));
      break;
    case 'merged':
      lines.push(t('appeal.history.merged'));
      break;
    default:
      break;
  }
  return (
    <>
      {lines.map((line, i) => (
        <div key={i} className="timeline-line">
          {line}
        </div>
      ))}
      {note && <p className="timeline-note">{note}</p>}
    </>
  );
}

/**
 * An appeal's history: who did what and when, each change spelled out. `lang` fixes the
 * language (printouts); without it the timeline follows the interface language.
 */
export function HistoryTimeline({
  events,
  lookups,
  order = 'newest',
  lang: fixedLang,
}: {
  events: readonly AppEvent[];
  lookups: HistoryLookups;
  order?: 'newest' | 'oldest';
  lang?: Lang;
}) {
  const { t, lang } = useFixedT(fixedLang);
  if (events.length === 0) return <p className="timeline-empty">{t('appeal.history.empty')}</p>;
  const list = order === 'newest' ? [...events].reverse() : events;
  return (
    <ol className="timeline" aria-label={t('appeal.history.title')}>
      {list.map((event) => (
        <li key={event.id} className={`timeline-item event-${event.type}`}>
          <div className="timeline-meta">
            <time dateTime={event.at}>{formatTimestamp(event.at)}</time>
            <span className="timeline-user">{userName(lookups.users, event.userId, t)}</span>
          </div>
          <div className="timeline-title">{labelOf('eventType', event.type, lang)}</div>
          <EventBody event={event} lookups={lookups} t={t} lang={lang} />
        </li>
      ))}
    </ol>
  );
}
