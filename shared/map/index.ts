export * from './places';
export * from './hotspots';
export * from './geojson';
export * from './svg';
export * from './ranking';
