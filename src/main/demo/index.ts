// Public API of the demo / scale-data generator.
export { generateErpExports, type GenerateOptions, type GenerateResult } from './generate';
export { buildDemoDataset, DEFAULT_AS_OF, DEFAULT_SEED, type DemoDataset } from './dataset';
export { demoManifest, snapshotDir, MASTER_DIR, type DemoFileEntry, type DemoFormat, type DemoManifest } from './manifest';
export { demoTargets, type DemoTargets } from './targets';
export type { DemoOptions, Scenario } from './types';
