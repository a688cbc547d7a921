import type { ComponentType } from 'react';

/**
 * Every screen but the registry (the first one) is its own chunk, loaded when it is first
 * opened or ahead of time once the registry has painted (`preloadScreens`): the start then
 * parses only what the registry needs, not every feature with its libraries (docx, exceljs,
 * the report), which made a 2.3 MB main bundle.
 */
export type Screen = ComponentType;
export function screen<M>(
  load: () => Promise<M>,
  pick: (m: M) => Screen,
): () => Promise<{ Component: Screen }> {
  return async () => ({ Component: pick(await load()) });
}
export const appeal = () => import('@renderer/features/appeal');
export const applicants = () => import('@renderer/features/applicants');
export const reception = () => import('@renderer/features/reception');
export const inquiries = () => import('@renderer/features/inquiries');
export const templates = () => import('@renderer/features/templates');
export const report = () => import('@renderer/features/report');

/** Loads the screens people open next from the registry, without waiting to be asked. */
export function preloadScreens(): void {
  void appeal().catch(() => undefined);
  void applicants().catch(() => undefined);
}
