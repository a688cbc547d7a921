import type { Appeal } from '@shared/domain';

/** What the registry table shows and filters on, for one appeal. Derived; never edited. */
export interface RegistryRow {
  id: string;
  regNo: string;
  receivedAt: string;
  registeredOn: string;
  applicantId: string | null;
  /** '' for anonymous appeals and anonymised applicants. */
  applicantName: string;
  subject: string;
  topic: string;
  status: Appeal['status'];
  outcome: Appeal['outcome'];
  channel: Appeal['channel'];
  kind: Appeal['kind'];
  locality: string;
  assignee: string | null;
  priority: boolean;
  collective: boolean;
  decideBy: string;
  acknowledgeBy: string;
  firstContactAt: string | null;
  decidedOn: string | null;
  applicantInformedAt: string | null;
  receptionId: string | null;
}

export function registryRowOf(appeal: Appeal, applicantName: string): RegistryRow {
  return {
    id: appeal.id,
    regNo: appeal.regNo,
    receivedAt: appeal.receivedAt,
    registeredOn: appeal.registeredOn,
    applicantId: appeal.applicantId,
    applicantName,
    subject: appeal.subject,
    topic: appeal.topic,
    status: appeal.status,
    outcome: appeal.outcome,
    channel: appeal.channel,
    kind: appeal.kind,
    locality: appeal.location.locality,
    assignee: appeal.assignee,
    priority: appeal.priority,
    collective: appeal.collective,
    decideBy: appeal.decideBy,
    acknowledgeBy: appeal.acknowledgeBy,
    firstContactAt: appeal.firstContactAt,
    decidedOn: appeal.decidedOn,
    applicantInformedAt: appeal.applicantInformedAt,
    receptionId: appeal.receptionId,
  };
}
