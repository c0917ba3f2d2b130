export * from './roles';
export * from './permissions';
export * from './role-permissions';
export * from './access-rule';
export * from './access-check';
