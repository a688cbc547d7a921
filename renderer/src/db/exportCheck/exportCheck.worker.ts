/// <reference lib="webworker" />
import '@renderer/app/zodConfig';
import { exportCheckSession } from '@shared/export';
import { answer, type ExportCheckRequest, type ExportCheckResponse } from './engine';

const session = exportCheckSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ExportCheckRequest>) => {
  const { id, ...call } = event.data;
  let response: ExportCheckResponse;
  try {
    const value = answer(session, call, (progress) => scope.postMessage({ id, progress }));
    response = { id, ok: true, value };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
