import coreKk from './core.kk.json';
import coreRu from './core.ru.json';
import commonKk from './common.kk.json';
import commonRu from './common.ru.json';
import registryKk from './registry.kk.json';
import registryRu from './registry.ru.json';
import appealFormKk from './appealForm.kk.json';
import appealFormRu from './appealForm.ru.json';
import appealKk from './appeal.kk.json';
import appealRu from './appeal.ru.json';
import applicantsKk from './applicants.kk.json';
import applicantsRu from './applicants.ru.json';
import todayKk from './today.kk.json';
import todayRu from './today.ru.json';
import settingsKk from './settings.kk.json';
import settingsRu from './settings.ru.json';
import receptionKk from './reception.kk.json';
import receptionRu from './reception.ru.json';
import inquiriesKk from './inquiries.kk.json';
import inquiriesRu from './inquiries.ru.json';
import templatesKk from './templates.kk.json';
import templatesRu from './templates.ru.json';
import reportKk from './report.kk.json';
import reportRu from './report.ru.json';
import initiativesKk from './initiatives.kk.json';
import initiativesRu from './initiatives.ru.json';
import dataTransferKk from './dataTransfer.kk.json';
import dataTransferRu from './dataTransfer.ru.json';
import importProgressKk from './importProgress.kk.json';
import importProgressRu from './importProgress.ru.json';
import journalImportKk from './journalImport.kk.json';
import journalImportRu from './journalImport.ru.json';
import backupKk from './backup.kk.json';
import backupRu from './backup.ru.json';
import syncKk from './sync.kk.json';
import syncRu from './sync.ru.json';
import correctionKk from './correction.kk.json';
import correctionRu from './correction.ru.json';
import privacyKk from './privacy.kk.json';
import privacyRu from './privacy.ru.json';
import exchangeKk from './exchange.kk.json';
import exchangeRu from './exchange.ru.json';
import bilingualKk from './bilingual.kk.json';
import bilingualRu from './bilingual.ru.json';
import demoKk from './demo.kk.json';
import demoRu from './demo.ru.json';
import restoreDoneKk from './restoreDone.kk.json';
import restoreDoneRu from './restoreDone.ru.json';
import screensKk from './screens.kk.json';
import screensRu from './screens.ru.json';
import scorecardKk from './scorecard.kk.json';
import scorecardRu from './scorecard.ru.json';
import notificationsKk from './notifications.kk.json';
import notificationsRu from './notifications.ru.json';
import socialCardKk from './socialCard.kk.json';
import socialCardRu from './socialCard.ru.json';
import problemMapKk from './problemMap.kk.json';
import problemMapRu from './problemMap.ru.json';
import placeNamesKk from './placeNames.kk.json';
import placeNamesRu from './placeNames.ru.json';

/**
 * One catalog per feature (`<feature>.kk.json` / `<feature>.ru.json`), so features can be
 * worked on side by side; keys are reached as `registry.title`, `appeal.form.subject`…
 * Kazakh is the reference: its shape types every key, and a test keeps ru in step.
 */
export const kk = {
  ...coreKk,
  common: commonKk,
  registry: registryKk,
  appealForm: appealFormKk,
  appeal: appealKk,
  applicants: applicantsKk,
  today: todayKk,
  settings: settingsKk,
  reception: receptionKk,
  inquiries: inquiriesKk,
  templates: templatesKk,
  report: reportKk,
  initiatives: initiativesKk,
  dataTransfer: dataTransferKk,
  importProgress: importProgressKk,
  journalImport: journalImportKk,
  backup: backupKk,
  sync: syncKk,
  correction: correctionKk,
  privacy: privacyKk,
  exchange: exchangeKk,
  bilingual: bilingualKk,
  demo: demoKk,
  restoreDone: restoreDoneKk,
  screens: screensKk,
  scorecard: scorecardKk,
  notifications: notificationsKk,
  socialCard: socialCardKk,
  problemMap: problemMapKk,
  placeNames: placeNamesKk,
};

export const ru: typeof kk = {
  ...coreRu,
  common: commonRu,
  registry: registryRu,
  appealForm: appealFormRu,
  appeal: appealRu,
  applicants: applicantsRu,
  today: todayRu,
  settings: settingsRu,
  reception: receptionRu,
  inquiries: inquiriesRu,
  templates: templatesRu,
  report: reportRu,
  initiatives: initiativesRu,
  dataTransfer: dataTransferRu,
  importProgress: importProgressRu,
  journalImport: journalImportRu,
  backup: backupRu,
  sync: syncRu,
  correction: correctionRu,
  privacy: privacyRu,
  exchange: exchangeRu,
  bilingual: bilingualRu,
  demo: demoRu,
  restoreDone: restoreDoneRu,
  screens: screensRu,
  scorecard: scorecardRu,
  notifications: notificationsRu,
  socialCard: socialCardRu,
  problemMap: problemMapRu,
  placeNames: placeNamesRu,
} as typeof kk;
