/** The congress's discussion as pure functions: splitting drafts, versions, grouping and counting opinions, the resolution. */
export * from './structure.ts';
export * from './html.ts';
export * from './versions.ts';
export * from './grouping.ts';
export * from './counting.ts';
export * from './synthesis.ts';
export * from './resolution.ts';
export * from './resolution-targets.ts';
export * from './carry.ts';
export * from './groups-open.ts';
