import { useTranslation } from 'react-i18next';
import { labelOf, type Inquiry } from '@shared/domain';
import {
  answerDaysLeft,
  inquiryState,
  isAnsweredOnTime,
  missingPartsOf,
} from '@shared/workflow/inquiries';
import { useSession } from '@renderer/app/session';
import { formatDay } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';

export function InquiryStatusBadge({ inquiry }: { inquiry: Inquiry }) {
  const lang = useLang();
  const { today } = useSession();
  const state = inquiryState(inquiry, today);
  return (
    <span className={`status-badge inquiry-status ${state}`}>
      {labelOf('inquiryStatus', state, lang)}
    </span>
  );
}

/**
 * Where the answer stands: working days left, due today, late by N working days; once
 * answered, whether on time; and a flag when the answer misses parts.
 */
export function InquiryDueBadge({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const { calendar, today } = useSession();
  if (inquiry.response !== null) {
    const missing = missingPartsOf(inquiry).length;
    return (
      <span className="inquiry-badges">
        <span className="deadline-badge done" title={formatDay(inquiry.dueDate)}>
          {isAnsweredOnTime(inquiry)
            ? t('inquiries.due.answeredOnTime')
            : t('inquiries.due.answeredLate')}
        </span>
        {missing > 0 && (
          <span className="deadline-badge overdue incomplete-flag">
            {t('inquiries.due.incomplete', { count: missing })}
          </span>
        )}
      </span>
    );
  }
  const left = answerDaysLeft(calendar, inquiry, today);
  if (left === null || inquiry.dueDate === null) return null;
  const state =
    inquiry.dueDate < today
      ? 'overdue'
      : inquiry.dueDate === today
        ? 'due_today'
        : left <= 3
          ? 'due_soon'
          : 'on_track';
  const text =
    state === 'overdue'
      ? t('common.deadline.overdue', { count: Math.max(1, -left) })
      : state === 'due_today'
        ? t('common.deadline.dueToday')
        : t('common.deadline.left', { count: left });
  return (
    <span className={`deadline-badge ${state}`} title={formatDay(inquiry.dueDate)}>
      {text}
    </span>
  );
}

/** The due date with where the answer stands, then the status: two cells of an inquiry row. */
export function InquiryDueCells({ inquiry }: { inquiry: Inquiry }) {
  return (
    <>
      <td className="nowrap">
        <div>{formatDay(inquiry.dueDate)}</div>
        <InquiryDueBadge inquiry={inquiry} />
      </td>
      <td>
        <InquiryStatusBadge inquiry={inquiry} />
      </td>
    </>
  );
}
