// Deputy inquiries and the agency directory; the appeal page shows an appeal's inquiries.
export { AgenciesPage } from './AgenciesPage';
export { AgencyPage } from './AgencyPage';
export { AppealInquiries } from './AppealInquiries';
export { InquiriesPage } from './InquiriesPage';
export { InquiryPage } from './InquiryPage';
export { InquiryPrint } from './print/InquiryPrint';
