import { DomainError, ErrorCode } from '@chancery/core';

/**
 * The viewer tried to set a field no grant lets them write. Names the fields (as `input.<field>`),
 * never the values: a value may be personal data and errors end up in logs.
 */
export class PolicyWriteDeniedError extends DomainError {
  constructor(
    readonly entity: string,
    /** Every field of the input the viewer may not write, in input order. */
    readonly deniedFields: readonly string[],
  ) {
    super(
      ErrorCode.FORBIDDEN,
      'FIELD_NOT_WRITABLE',
      `Not allowed to change ${deniedFields.map((f) => `input.${f}`).join(', ')}`,
      deniedFields.map((field) => ({ field: `input.${field}`, reason: 'you may not change this field', constraint: 'FIELD_NOT_WRITABLE' })),
    );
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
