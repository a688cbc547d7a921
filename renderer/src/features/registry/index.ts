// The registry of appeals.
export { RegistryPage } from './RegistryPage';
export { prefetchFirstPage } from './useRegistryRows';
