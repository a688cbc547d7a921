/// <reference lib="webworker" />
import '@renderer/app/zodConfig';
import { exportCheckSession } from '@shared/export';
import { handleRequest, type ExportCheckRequest } from './engine';

const session = exportCheckSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ExportCheckRequest>) =>
  handleRequest(session, event.data, (response) => scope.postMessage(response));
