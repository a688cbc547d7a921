// The report model's input from a generated office, as the report benchmarks build it.
import { defaultSettingsData } from '@shared/domain';
import type { ReportInput } from '@shared/report';
import type { generateDataset } from '../fixtures/generate';

/**
 * A new input each call, with its own applicants list: the model keeps the index of the
 * names per list (`knownPeople`), so a report of a new input is a first build.
 */
export function reportInputOf(data: ReturnType<typeof generateDataset>): ReportInput {
  return {
    appeals: data.appeals,
    applicants: [...data.applicants],
    receptions: [],
    inquiries: [],
    initiatives: [],
    planItems: [],
    settings: defaultSettingsData(),
  };
}
