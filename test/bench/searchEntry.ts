// Bundled by scripts/bench-search.mjs for Node: the generator and the search index.
export { generateOffice } from '../fixtures/generateOffice';
export { OfficeSearch } from '@shared/search';
export { benchQueries } from './searchQueries';
