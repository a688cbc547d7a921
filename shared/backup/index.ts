/**
 * The `.tizilim-backup` and `.tizilim-journal` formats (docs/backup-format.md), in pure
 * TypeScript on WebCrypto: the same code runs in the renderer, in the main process and on
 * the command line (`npm run backup`).
 */
export * from './apply';
export * from './content';
export * from './errors';
export * from './exportItems';
export * from './exportStream';
export * from './header';
export * from './journal';
export * from './keyring';
export * from './keys';
export * from './messages';
export * from './names';
export * from './preview';
export * from './reader';
export * from './recoveryKey';
export * from './rotation';
export * from './schedule';
export * from './writer';
export { ByteReader } from './byteQueue';
export { type Bytes, fromBase64, fromBase64Url, toBase64, toBase64Url } from './bytes';
export * from './space';
export * from './restoreCheck';
