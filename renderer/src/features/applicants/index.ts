// The applicants feature: the list, one person's page, and the summary of a person other
// screens (the appeal form, the reception) show.
export { ApplicantPage } from './ApplicantPage';
export { ApplicantsPage } from './ApplicantsPage';
export { addressLine, ApplicantSummary, maskedDetails } from './ApplicantSummary';
export { ApplicantFields } from './ApplicantFields';
export {
  applicantFormResolver,
  applicantFormToInput,
  applicantValuesFromDraft,
  compactPhones,
  consentFormFor,
  guessQueryKind,
  newApplicantValues,
  type ApplicantFormValues,
} from './applicantModel';
export { maskedPhone } from './display';
