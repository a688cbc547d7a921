import { useCallback, useEffect, useRef, useState } from 'react';
import { analyseSheet, defaultSheetOf } from '@shared/journal/analyse';
import { planSettingsOf } from '@shared/journal/batch';
import { detectHeader, type HeaderInfo } from '@shared/journal/header';
import {
  fromProfile,
  mappingProfileKey,
  suggestMapping,
  toProfile,
  type JournalMapping,
} from '@shared/journal/mapping';
import { describeFileProblem } from '@shared/journal/messages';
import type { Sheet } from '@shared/journal/model';
import {
  DEFAULT_PLAN_OPTIONS,
  type JournalPreview,
  type PlanOptions,
  type RegistrySnapshot,
} from '@shared/journal/plan';
import { newId } from '@shared/ids';
import { useSession } from '@renderer/app/session';
import { useDb } from '@renderer/db/hooks';
import {
  loadJournalRegistry,
  loadMappingProfile,
  saveMappingProfile,
} from '@renderer/db/repositories/journalImport';
import { defaultEngine, type FileSummary, type JournalEngine } from './engine';

export const STEPS = ['file', 'sheet', 'header', 'columns', 'values', 'preview', 'import'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The wizard's state and the work behind each step: the file is read and the plan made in
 * the engine (a Web Worker in the app); headers, mapping and values are worked out here,
 * instantly, on the sheet the engine handed over.
 */
export function useJournalWizard(engineFactory: () => JournalEngine = defaultEngine) {
  const db = useDb();
  const { settings, lang, ctx } = useSession();
  const engineRef = useRef<JournalEngine | null>(null);
  const engine = () => (engineRef.current ??= engineFactory());
  useEffect(
    () => () => {
      engineRef.current?.dispose();
      engineRef.current = null;
    },
    [],
  );

  const [step, setStep] = useState<Step>('file');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<FileSummary | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [header, setHeader] = useState<HeaderInfo | null>(null);
  const [headerProblem, setHeaderProblem] = useState<'empty_sheet' | 'no_header' | null>(null);
  const [mapping, setMapping] = useState<JournalMapping | null>(null);
  const [remembered, setRemembered] = useState(false);
  const [options, setOptions] = useState<PlanOptions>(DEFAULT_PLAN_OPTIONS);
  const [plan, setPlan] = useState<JournalPreview | null>(null);
  const registryRef = useRef<RegistrySnapshot | null>(null);
  const batchId = useRef(newId());
  const planSettings = planSettingsOf(settings);

  const chooseFile = useCallback(
    async (picked: File) => {
      setBusy(true);
      setError(null);
      setFile(null);
      try {
        const bytes = new Uint8Array(await picked.arrayBuffer());
        const outcome = await engine().read(bytes, picked.name);
        if (!outcome.ok) {
          setError(describeFileProblem(outcome.problem, lang));
          return;
        }
        setFile(outcome.file);
        setSheetName(outcome.file.sheets.length > 0 ? defaultSheetOf(outcome.file.sheets) : null);
        setStep('sheet');
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang],
  );

  /** The chosen sheet, its header found and the mapping suggested or remembered. */
  const openSheet = useCallback(async () => {
    if (!sheetName) return;
    setBusy(true);
    setError(null);
    try {
      const loaded = await engine().sheet(sheetName);
      setSheet(loaded);
      const analysis = analyseSheet(
        {
          kind: file?.kind ?? 'xlsx',
          fileName: file?.fileName ?? '',
          sheets: [loaded],
          csv: file?.csv ?? null,
        },
        loaded.name,
        planSettings.topics,
      );
      if (!analysis.ok) {
        setHeader(null);
        setHeaderProblem(analysis.problem);
        setMapping(null);
      } else {
        setHeaderProblem(null);
        await applyHeader(loaded, analysis.header);
      }
      setStep('header');
    } finally {
      setBusy(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheetName, file]);

  async function applyHeader(loaded: Sheet, found: HeaderInfo) {
    setHeader(found);
    const profile = await loadMappingProfile(db, mappingProfileKey(found));
    if (profile) {
      setMapping(fromProfile(profile, found));
      setRemembered(true);
    } else {
      setMapping(suggestMapping(loaded, found, planSettings.topics));
      setRemembered(false);
    }
  }

  const pickHeader = useCallback(
    async (chosen: HeaderInfo | null) => {
      if (!sheet) return;
      const found = chosen ?? detectHeader(sheet);
      if (!found) return;
      setHeaderProblem(null);
      await applyHeader(sheet, found);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sheet],
  );

  const makePlan = useCallback(
    async (nextOptions: PlanOptions = options, fresh = false) => {
      if (!sheet || !header || !mapping || !file) return;
      setBusy(true);
      setError(null);
      try {
        if (fresh || registryRef.current === null)
          registryRef.current = await loadJournalRegistry(db);
        const made = await engine().plan({
          sheetName: sheet.name,
          header,
          mapping,
          registry: registryRef.current,
          settings: planSettings,
          fileName: file.fileName,
          batchId: batchId.current,
          userId: ctx.userId,
          now: new Date().toISOString(),
          lang,
          options: nextOptions,
          lostLetterRows: file.csv?.lostLetterRows ?? [],
        });
        setPlan(made);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sheet, header, mapping, file, options, lang],
  );

  const changeOptions = (next: PlanOptions) => {
    setOptions(next);
    void makePlan(next);
  };

  /** The records of the previewed plan, built in the engine when the office imports. */
  const planRecords = () => {
    if (!plan) throw new Error('no plan');
    return engine().records(plan.batchId);
  };

  const rememberMapping = async () => {
    if (header && mapping)
      await saveMappingProfile(db, mappingProfileKey(header), toProfile(mapping, header), ctx);
  };

  return {
    step,
    setStep,
    busy,
    error,
    setError,
    file,
    sheetName,
    setSheetName,
    sheet,
    header,
    headerProblem,
    mapping,
    setMapping,
    remembered,
    options,
    changeOptions,
    plan,
    setPlan,
    chooseFile,
    openSheet,
    pickHeader,
    makePlan,
    rememberMapping,
    planRecords,
    topics: planSettings.topics,
    lang,
  };
}

export type JournalWizard = ReturnType<typeof useJournalWizard>;
