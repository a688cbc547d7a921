/**
 * Where the backup password is kept between starts: Electron's safeStorage (Windows DPAPI,
 * macOS Keychain, a Linux keyring). On Linux without a keyring Electron falls back to a
 * hard-coded key ("basic_text"), which is no protection: that counts as unavailable, and
 * the password is then asked at each start instead of being written down.
 */
import type { SafeStorage } from 'electron';

export type SecretStoreState = 'available' | 'unavailable' | 'weak';

export interface SecretStore {
  state(): Promise<SecretStoreState>;
  encrypt(text: string): Promise<Uint8Array>;
  /** Throws when the bytes cannot be decrypted (another user, a reinstalled system). */
  decrypt(data: Uint8Array): Promise<{ text: string; reEncrypt: boolean }>;
}

export function safeStorageSecretStore(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform,
): SecretStore {
  return {
    async state() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return 'weak';
      return 'available';
    },
    async encrypt(text) {
      return new Uint8Array(await safeStorage.encryptStringAsync(text));
    },
    async decrypt(data) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
      return { text: result, reEncrypt: shouldReEncrypt };
    },
  };
}
