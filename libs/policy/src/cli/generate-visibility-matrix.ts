import { existsSync, readFileSync } from 'node:fs';
import { getPolicy } from '../policy.registry';
import { EntityClass, EntityPolicy } from '../policy.types';
import { renderVisibilityMatrix, writeVisibilityMatrix } from '../visibility-matrix';

/*
 * For the `policy:matrix` script, which imports the application's entity classes and passes them in.
 * Taking the classes explicitly (rather than whatever happens to be loaded) keeps the output
 * independent of import order and of test-only entities.
 */

/** The matrix for exactly these classes; written to `outputPath` when given. Throws for a class without @PolicyEntity. */
export function generateVisibilityMatrix(entityClasses: readonly EntityClass[], outputPath?: string): string {
  const policies = policiesOf(entityClasses);
  return outputPath ? writeVisibilityMatrix(outputPath, policies) : renderVisibilityMatrix(policies);
}

/** For CI: whether the committed matrix at `path` matches the declarations. */
export function visibilityMatrixIsCurrent(path: string, entityClasses: readonly EntityClass[]): boolean {
  return existsSync(path) && readFileSync(path, 'utf8') === renderVisibilityMatrix(policiesOf(entityClasses));
}

function policiesOf(entityClasses: readonly EntityClass[]): EntityPolicy[] {
  const unique = [...new Set(entityClasses)];
  return unique.map((cls) => {
    const policy = getPolicy(cls);
    if (!policy)
      throw new Error(`${cls.name} has no @PolicyEntity; it cannot appear in the visibility matrix`);
    return policy;
  });
}
