import { ForbiddenError } from '@chancery/core/errors/domain-error';

/**
 * The viewer tried to set a field no grant lets them write. Names the field, never the value: the
 * value may be personal data and errors end up in logs.
 */
export class PolicyWriteDeniedError extends ForbiddenError {
  /** Every field of the input the viewer may not write, in input order; `field` is the first. */
  readonly deniedFields: readonly string[];

  constructor(
    readonly entity: string,
    readonly field: string,
    deniedFields: readonly string[] = [field],
  ) {
    super(`Not allowed to write ${entity}.${field}`, field);
    this.deniedFields = deniedFields;
  }
}

/**
 * A declaration contradicts itself (e.g. a field both @Internal and @Readable). Thrown while classes
 * load, so a wrong declaration stops the build and tests rather than leaking at run time.
 */
export class PolicyDeclarationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyDeclarationError';
  }
}
