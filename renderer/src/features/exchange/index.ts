export { ExchangeSection } from './ExchangeSection';
export { PackagePreview } from './ReceivePanel';
