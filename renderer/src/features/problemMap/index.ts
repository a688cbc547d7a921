export { ProblemMapPage } from './ProblemMapPage';
export { parsePlaceParam, placeMatches, placeParam, type PlaceFilter } from './placeFilter';
