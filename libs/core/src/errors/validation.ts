import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputError, FieldProblem } from './domain-error';

/** Flattens class-validator's tree into one problem per field, with the full path of each. */
export function toFieldProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const [constraint, reason] of Object.entries(error.constraints ?? {})) {
      problems.push({ field: path, reason: humanise(reason, error.property, path), constraint });
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, path));
  }
  return problems;
}

// class-validator's messages start with the bare property name ("email must be an email");
// the field is already named separately, so say the reason only, and never echo the value.
function humanise(reason: string, property: string, path: string): string {
  if (reason.startsWith(`property ${property} should not exist`)) return 'is not a known field';
  if (reason.startsWith(`${property} `)) return reason.slice(property.length + 1);
  if (reason.startsWith(`${path} `)) return reason.slice(path.length + 1);
  return reason;
}

/**
 * The global pipe: whitelist + refuse unknown properties + transform, and a refusal that names
 * every field with its path under the argument (`input.vatNumber`), as a `BAD_USER_INPUT`.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadUserInputError(toFieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof BadUserInputError && metadata.data) {
        const fields = (error.fields ?? []).map((f) => ({ ...f, field: `${metadata.data}.${f.field}` }));
        throw new BadUserInputError(fields);
      }
      throw error;
    }
  }
}
