/// <reference lib="webworker" />
import { engineCore, type EngineRequest, type EngineResponse } from './engine';

const core = engineCore();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<EngineRequest>) => {
  const message = event.data;
  let response: EngineResponse;
  try {
    const value =
      message.op === 'read'
        ? await core.read(message.bytes, message.fileName)
        : message.op === 'sheet'
          ? core.sheet(message.name)
          : message.op === 'plan'
            ? await core.plan(message.request)
            : core.records(message.batchId);
    response = { id: message.id, ok: true, value };
  } catch (error) {
    response = {
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  scope.postMessage(response);
};
