import type { JournalField, ValueField } from './fields';

/** Why a row of the sheet is not imported. */
export type SkipReason =
  | { code: 'title' }
  | { code: 'header_repeat' }
  | { code: 'column_numbers' }
  | { code: 'empty' }
  | { code: 'section'; text: string }
  | { code: 'totals'; text: string }
  | { code: 'no_data' }
  | { code: 'no_date' }
  | { code: 'bad_date'; value: string }
  | { code: 'swapped_date'; date: string; swapped: string }
  | { code: 'future_date'; date: string }
  | { code: 'old_date'; date: string }
  | { code: 'no_text' }
  | { code: 'already_imported'; regNo: string }
  | { code: 'already_in_registry'; regNo: string };

/** Something to check in an imported row; the row is imported all the same. */
export type RowWarning =
  | { code: 'phone_invalid'; value: string }
  | { code: 'iin_invalid'; value: string }
  | { code: 'email_invalid'; value: string }
  | { code: 'anonymous' }
  | { code: 'no_name'; value: string }
  | { code: 'decided_without_date'; value: string }
  | { code: 'answer_date_invalid'; value: string }
  | { code: 'answer_before_registration'; date: string }
  | { code: 'answer_in_future'; date: string }
  | { code: 'unknown_value'; field: ValueField; value: string }
  | { code: 'lost_letters' }
  | { code: 'signatories_unknown' }
  | { code: 'assignee_unknown'; value: string }
  | { code: 'time_invalid'; value: string }
  | { code: 'text_cut'; field: JournalField }
  | { code: 'reg_no_taken'; value: string };

export type RowIssue = SkipReason | RowWarning;
