export * from './test-app';
export * from './database/test-database-server';
