export * from './policy.types';
export * from './policy.errors';
export * from './grants';
export {
  PolicyEntity,
  Readable,
  Writable,
  Internal,
  PersonalData,
  NotPersonalData,
} from './policy.decorators';
export { getPolicy, getFieldPolicy, allPolicyEntities } from './policy.registry';
export {
  relationsOf,
  canRead,
  canWrite,
  canReadWithRelations,
  canFilterOrSort,
  readableFields,
  conceal,
  assertWritable,
  grantApplies,
} from './policy.engine';
export * from './personal-data';
export type { MatrixViewer } from './visibility-matrix';
export { MATRIX_VIEWERS, renderVisibilityMatrix, writeVisibilityMatrix } from './visibility-matrix';
export { generateVisibilityMatrix, visibilityMatrixIsCurrent } from './cli/generate-visibility-matrix';
export * from './graphql/policy-field.middleware';
