export * from './test-app';
export * from './use-test-app';
export * from './database/test-database-server';
export * from './identity-factory';
export * from './figures';
export * from './test-worker';
export * from './datasheets-factory';
