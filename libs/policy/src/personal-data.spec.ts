import { assertEveryFieldClassified, personalDataFields, personalDataOfSubject } from './personal-data';
import { getPolicy } from './policy.registry';
import { EntityPolicy } from './policy.types';
import {
  TestDatasheet,
  TestOrganisation,
  TestPerson,
  UnregisteredRecord,
} from '@chancery/testing/policy/policy-test-entities';

const policies = [TestPerson, TestOrganisation, TestDatasheet].map((cls) => getPolicy(cls) as EntityPolicy);

describe('personal data declarations', () => {
  it('lists an entity’s personal data fields with category, subject, purpose, legal basis and retention', () => {
    const fields = personalDataFields(TestPerson);
    expect(fields.map((f) => f.field)).toEqual(['id', 'displayName', 'email', 'passwordHash']);
    expect(fields.find((f) => f.field === 'email')).toEqual({
      entity: 'TestPerson',
      cls: TestPerson,
      field: 'email',
      declaration: {
        category: 'contact',
        subject: 'user',
        purpose: 'sign-in and notifications',
        legalBasis: 'contract',
        retention: 'ACCOUNT',
      },
    });
  });

  it('has none for an entity without @PersonalData or a class without @PolicyEntity', () => {
    expect(personalDataFields(TestDatasheet)).toEqual([]);
    expect(personalDataFields(UnregisteredRecord)).toEqual([]);
  });

  it('finds every field holding one kind of subject’s data across entities (for data-subject exports)', () => {
    expect(personalDataOfSubject('user', policies).map((f) => `${f.entity}.${f.field}`)).toEqual([
      'TestPerson.id',
      'TestPerson.displayName',
      'TestPerson.email',
      'TestPerson.passwordHash',
    ]);
    expect(personalDataOfSubject('consignee', policies)).toEqual([]);
  });
});

describe('every field of an entity holding personal data is classified (VERIFY T16)', () => {
  it('names the columns that are neither @PersonalData nor @NotPersonalData', () => {
    expect(
      assertEveryFieldClassified(TestPerson, ['id', 'email', 'tenantId', 'canary', 'lastLoginAt']),
    ).toEqual(['canary', 'lastLoginAt']);
  });

  it('passes when every column is classified', () => {
    expect(assertEveryFieldClassified(TestPerson, ['id', 'email', 'organisation', 'passwordHash'])).toEqual(
      [],
    );
  });

  it('leaves entities without personal data alone unless asked to be strict', () => {
    expect(assertEveryFieldClassified(TestDatasheet, ['productName', 'draftNotes'])).toEqual([]);
    expect(assertEveryFieldClassified(TestDatasheet, ['productName'], { strict: true })).toEqual([
      'productName',
    ]);
    expect(assertEveryFieldClassified(UnregisteredRecord, ['title'], { strict: true })).toEqual(['title']);
  });
});
