import type { TizilimApi } from '@shared/ipc';
import type { Platform } from './types';

/** The host bridge when running inside Electron: everything goes through window.tizilim. */
export function electronPlatform(api: TizilimApi): Platform {
  return {
    kind: 'electron',
    saveFile: async ({ fileName, mimeType, data }) => {
      const result = await api.saveFile({ fileName, mimeType, data });
      return { saved: result.saved };
    },
    printToPdf: async ({ route, fileName }) => {
      const result = await api.printRoute({ route, fileName });
      return { saved: result.saved };
    },
    syncCredentials: {
      get: () => api.getSyncCredentials(),
      set: async (credentials) => {
        try {
          await api.setSyncCredentials(credentials);
          return true;
        } catch {
          return false;
        }
      },
      clear: async () => {
        await api.clearSyncCredentials();
      },
    },
    probeServer: async (url) => (await api.probeSyncServer({ url })).reach,
    notify: (request) => api.showNotification(request),
  };
}
