import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { ENTITIES_NOT_RECORDED } from '@chancery/privacy/access-log/personal-data-reads';
import { VISIBILITY_MATRIX_FILE } from '@chancery/testing/policy/policy-world';
import { FIELD_LABELS, OPERATION_PURPOSES, parseRecordedOperation } from '../../apps/web/src/features/privacy/access-labels';
import de from '../../apps/web/src/i18n/locales/portal/de';
import en from '../../apps/web/src/i18n/locales/portal/en';
import fr from '../../apps/web/src/i18n/locales/portal/fr';
import nl from '../../apps/web/src/i18n/locales/portal/nl';

// "Who read my data" and the privacy officer's access log show what a read was for and which data it read
// in words (apps/web/src/features/privacy/access-labels.ts), falling back to the code. These lists come
// from the committed schema.graphql and docs/visibility-matrix.md, which test/platform/generated-files
// keeps equal to the code: an operation or a personal-data field added without words fails here.
const ROOT = join(__dirname, '..', '..');
const LANGUAGES = Object.entries({ en, nl, fr, de });

/** `Entity.field` of every personal-data field someone may read, bar the entities whose reads are not recorded. */
function readablePersonalDataFields(): string[] {
  const fields: string[] = [];
  let entity: string | undefined;
  let inTable = false;
  for (const line of readFileSync(join(ROOT, VISIBILITY_MATRIX_FILE), 'utf8').split('\n')) {
    const heading = /^## (\w+)/.exec(line);
    if (heading) [entity, inTable] = [heading[1], false];
    else if (line.startsWith('| field | read | write | personal data')) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable && entity && !line.startsWith('| ---')) {
      const [field, read, , personalData] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const readable = read !== 'internal' && read !== '—';
      if (readable && !personalData!.startsWith('no') && !ENTITIES_NOT_RECORDED.has(entity)) fields.push(`${entity}.${field}`);
    }
  }
  return fields;
}

/** The queries and mutations whose answer reaches, at any depth, a type with such a field: the operations a read can name. */
function operationsPresentingPersonalData(schema: GraphQLSchema, fields: readonly string[]): string[] {
  const personal = new Set(fields.map((field) => field.split('.')[0]!));
  const reaches = (typeName: string, seen: Set<string>): boolean => {
    if (personal.has(typeName)) return true;
    const type = schema.getType(typeName);
    if (seen.has(typeName) || !isObjectType(type)) return false;
    seen.add(typeName);
    return Object.values(type.getFields()).some((field) => reaches(getNamedType(field.type).name, seen));
  };
  return [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
    Object.values(root.getFields()).filter((field) => reaches(getNamedType(field.type).name, new Set())).map((field) => field.name),
  );
}

describe('the access log in words', () => {
  const fields = readablePersonalDataFields();
  const operations = operationsPresentingPersonalData(buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8')), fields);

  it('finds the fields and operations to name (the lists are read, not empty)', () => {
    expect(fields).toEqual(expect.arrayContaining(['User.email', 'User.phone', 'Organisation.iban', 'ProjectParty.contactEmail']));
    expect(operations).toEqual(expect.arrayContaining(['user', 'managedUsers', 'claimCertificateApplication', 'supportAccounts']));
    expect(fields.some((field) => field.startsWith('PersonalDataAccess.'))).toBe(false);
  });

  it('says what every operation that can present personal data was for', () => {
    expect(operations.filter((operation) => !OPERATION_PURPOSES[operation])).toEqual([]);
  });

  it('names the data of every personal-data field a read can record', () => {
    expect(fields.filter((field) => !FIELD_LABELS[field])).toEqual([]);
  });

  it.each(LANGUAGES)('has the words in %s', (_language, messages) => {
    const purposes = messages.accessPurposes as Record<string, string>;
    const labels = messages.personalDataFields as Record<string, string>;
    expect([...new Set(Object.values(OPERATION_PURPOSES))].filter((purpose) => !purposes[purpose]?.trim())).toEqual([]);
    expect([...new Set(Object.values(FIELD_LABELS))].filter((label) => !labels[label]?.trim())).toEqual([]);
  });

  it('reads the operation as the log records it, under a support grant too', () => {
    expect(parseRecordedOperation('me,user')).toEqual({ operations: ['me', 'user'], supportGrant: null });
    expect(parseRecordedOperation('supportAccounts under support grant 3f1d2c4b-0000-4000-8000-000000000001 (purpose: ticket 42, (urgent))')).toEqual({
      operations: ['supportAccounts'],
      supportGrant: { id: '3f1d2c4b-0000-4000-8000-000000000001', purpose: 'ticket 42, (urgent)' },
    });
  });
});
