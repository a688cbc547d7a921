import { agencyName, type Agency, type Inquiry } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { INQUIRY_TEMPLATE_ID } from './letter';

export interface DraftState {
  agencyId: string | null;
  addressee: string;
  language: Lang;
  subject: string;
  templateId: string;
  extra: Record<string, string>;
  appealIds: string[];
  notes: string;
}

/** The addressee block as a letter starts it: the agency, the head's position and name. */
export function addresseeFor(agency: Agency, lang: Lang): string {
  return [agencyName(agency, lang), agency.headPosition[lang], agency.headName]
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export function draftStateOf(inquiry: Inquiry): DraftState {
  return {
    agencyId: inquiry.agencyId,
    addressee: inquiry.addressee,
    language: inquiry.language,
    subject: inquiry.subject,
    templateId: inquiry.templateId ?? INQUIRY_TEMPLATE_ID,
    extra: inquiry.extra,
    appealIds: inquiry.appealIds,
    notes: inquiry.notes,
  };
}

/** A draft as an inquiry record, for rendering the preview before it is saved. */
export function provisional(state: DraftState, saved: Inquiry | null): Inquiry {
  const base: Inquiry = saved ?? {
    id: 'new',
    createdAt: '',
    updatedAt: '',
    createdBy: '',
    updatedBy: '',
    version: 0,
    deletedAt: null,
    outgoingNo: null,
    outgoingDate: null,
    agencyId: null,
    addressee: '',
    appealIds: [],
    subject: '',
    body: '',
    templateId: null,
    extra: {},
    language: 'kk',
    dueDate: null,
    status: 'draft',
    response: null,
    repeatOfId: null,
    assignee: null,
    notes: '',
  };
  return { ...base, ...state };
}
