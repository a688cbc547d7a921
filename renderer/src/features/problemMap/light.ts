// The registry's filter by place (a map's hot spot opened as a list), without the map's page.
export { parsePlaceParam, placeMatches, placeParam, type PlaceFilter } from './placeFilter';
