export * from './policy.types';
export * from './policy.errors';
export * from './grants';
export { PolicyEntity, Envelope, Readable, Writable, Internal, PersonalData, NotPersonalData } from './policy.decorators';
export { getPolicy, getFieldPolicy, policedEntities, policyNamed, isEnvelope, envelopeTypeNames } from './policy.registry';
export {
  relationsOf,
  canSee,
  canRead,
  canWrite,
  canReadWithRelations,
  canFilterOrSort,
  readableFields,
  assertWritable,
  grantApplies,
} from './policy.engine';
export * from './personal-data';
export * from './gate/output-gate';
export * from './gate/output-channels';
export { formatLogObject, logOutputThroughGate } from './gate/log-output';
export type { MatrixViewer } from './visibility-matrix';
export { MATRIX_VIEWERS, renderVisibilityMatrix, writeVisibilityMatrix } from './visibility-matrix';
export { generateVisibilityMatrix, visibilityMatrixIsCurrent } from './cli/generate-visibility-matrix';
export * from './graphql/graphql-selection';
export * from './graphql/gated-resolvers';
export * from './http/present-results.interceptor';
export * from './holders/personal-data-holder';
export * from './holders/processing-restrictions';
export * from './retention/retention-rules';
