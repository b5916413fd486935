/** Publication targets and the submission ledger: pure counting (annual-targets.md). */
export * from './model';
export * from './dates';
export * from './events';
export * from './defaults';
export * from './points';
export * from './counting';
