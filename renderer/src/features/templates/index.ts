// Letters: the templates, their editor, a letter's print route, and the letters offered on
// an appeal's page.
export { AppealLetters } from './AppealLetters';
export { LetterPrint } from './print/LetterPrint';
export { TemplateEditorPage } from './TemplateEditorPage';
export { TemplatesPage } from './TemplatesPage';
