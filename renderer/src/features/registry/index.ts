// The registry of appeals.
export { RegistryPage } from './RegistryPage';
