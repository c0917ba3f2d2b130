import { Role } from '@chancery/access';
import { anyone, ownOrganisation, ownTenant, self, staffOfOwnTenant } from './grants';
import {
  Internal,
  NotPersonalData,
  PersonalData,
  PolicyEntity,
  Readable,
  Writable,
} from './policy.decorators';
import { canRead } from './policy.engine';
import { PolicyDeclarationError } from './policy.errors';
import { policedEntities, getFieldPolicy, getPolicy } from './policy.registry';
import { Grant, PersonalDataDeclaration } from './policy.types';
import { RetentionRuleKey } from './retention/retention-rules';
import { TestPerson, UnregisteredRecord, aUser } from '@chancery/testing/policy/policy-test-entities';

const contact: PersonalDataDeclaration = {
  category: 'contact',
  subject: 'user',
  purpose: 'notifications',
  legalBasis: 'contract',
  retention: RetentionRuleKey.ACCOUNT,
};

describe('grant builders', () => {
  it('read as the rule they state', () => {
    expect(self()).toEqual({ relation: 'self' });
    expect(ownOrganisation(Role.ORG_ADMIN)).toEqual({ relation: 'ownOrganisation', roles: [Role.ORG_ADMIN] });
    expect(ownTenant()).toEqual({ relation: 'ownTenant' });
    expect(staffOfOwnTenant()).toEqual({
      relation: 'ownTenant',
      roles: [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR],
    });
  });
});

describe('the registry', () => {
  it('keeps each field’s declaration in declaration order', () => {
    const policy = getPolicy(TestPerson);
    expect(policy?.name).toBe('TestPerson');
    expect(policy?.subject).toBe('user');
    expect([...(policy?.fields.keys() ?? [])]).toEqual([
      'id',
      'tenantId',
      'organisationId',
      'displayName',
      'email',
      'passwordHash',
      'organisation',
    ]);
    expect(getFieldPolicy(TestPerson, 'passwordHash')).toMatchObject({
      internal: true,
      read: [],
      write: [self()],
    });
    expect(getFieldPolicy(TestPerson, 'canary')).toBeUndefined();
  });

  it('has no policy for a class without @PolicyEntity, even if its fields are decorated', () => {
    expect(getPolicy(UnregisteredRecord)).toBeUndefined();
    const names = policedEntities().map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['TestTenant', 'TestOrganisation', 'TestPerson', 'TestDatasheet']),
    );
    expect(names).not.toContain('UnregisteredRecord');
  });

  describe('inheritance', () => {
    class Base {
      @Readable(anyone())
      @NotPersonalData()
      id: string;

      @Readable(ownTenant())
      note: string;
    }

    @PolicyEntity<Derived>({ name: 'Derived', visibleTo: [ownTenant()], relations: { tenantId: (d) => d.tenantId } })
    class Derived extends Base {
      // An initializer, because a redeclared field is otherwise a type error under ES2022 class fields.
      @Readable(staffOfOwnTenant())
      override note = '';

      @Readable(anyone())
      tenantId: string;
    }

    class Unannotated extends Derived {
      @Internal()
      override tenantId = '';
    }

    it('inherits base fields first and lets a subclass override what it redeclares', () => {
      const policy = getPolicy(Derived);
      expect([...(policy?.fields.keys() ?? [])]).toEqual(['id', 'note', 'tenantId']);
      expect(policy?.fields.get('id')?.notPersonalData).toEqual({ reason: undefined });
      expect(policy?.fields.get('note')?.read).toEqual([staffOfOwnTenant()]);
    });

    it('gives a subclass without its own @PolicyEntity the nearest one, with its own overrides', () => {
      const record = Object.assign(new Unannotated(), { id: '1', note: 'n', tenantId: 't' });
      expect(getPolicy(Unannotated)?.name).toBe('Derived');
      expect(canRead(aUser({ tenantId: 't' }), Unannotated, 'tenantId', record)).toBe(false);
      expect(canRead(aUser({ tenantId: 't' }), Derived, 'tenantId', record)).toBe(true);
      expect(policedEntities().map((p) => p.name)).not.toContain('Unannotated');
    });

    it('never makes a base class readable on its own', () => {
      expect(getPolicy(Base)).toBeUndefined();
    });
  });
});

describe('declarations that contradict themselves stop the class from loading', () => {
  const declaring = (define: () => unknown) => expect(define).toThrow(PolicyDeclarationError);

  it('a field both @Internal and @Readable', () => {
    declaring(() => {
      class Contradiction {
        @Readable(anyone())
        @Internal()
        secret: string;
      }
      return Contradiction;
    });
  });

  it('a field both @PersonalData and @NotPersonalData', () => {
    declaring(() => {
      class Contradiction {
        @PersonalData(contact)
        @NotPersonalData()
        email: string;
      }
      return Contradiction;
    });
  });

  it('two @Readable on one field (one declaration per field)', () => {
    declaring(() => {
      class Twice {
        @Readable(self())
        @Readable(anyone())
        email: string;
      }
      return Twice;
    });
  });

  it('@Readable or @Writable without grants', () => {
    declaring(() => {
      class Empty {
        @Writable()
        email: string;
      }
      return Empty;
    });
  });

  it('an unknown relation or role from untyped code', () => {
    declaring(() => {
      class Typo {
        @Readable({ relation: 'ownCompany' } as unknown as Grant)
        email: string;
      }
      return Typo;
    });
    declaring(() => {
      class Typo {
        @Readable({ relation: 'ownTenant', roles: ['CLERC'] } as unknown as Grant)
        email: string;
      }
      return Typo;
    });
  });

  it('personal data without a purpose, retention or valid legal basis', () => {
    declaring(() => {
      class NoPurpose {
        @PersonalData({ ...contact, purpose: ' ' })
        email: string;
      }
      return NoPurpose;
    });
    declaring(() => {
      class NoRetention {
        @PersonalData({ ...contact, retention: 'account lifetime' } as unknown as PersonalDataDeclaration)
        email: string;
      }
      return NoRetention;
    });
    declaring(() => {
      class SameRuleTwice {
        @PersonalData({ ...contact, retentionInState: RetentionRuleKey.ACCOUNT })
        email: string;
      }
      return SameRuleTwice;
    });
    declaring(() => {
      class UnknownSecondRule {
        @PersonalData({ ...contact, retentionInState: 'drafts: a year' } as unknown as PersonalDataDeclaration)
        email: string;
      }
      return UnknownSecondRule;
    });
    declaring(() => {
      class BadBasis {
        @PersonalData({ ...contact, legalBasis: 'becauseWeCan' } as unknown as PersonalDataDeclaration)
        email: string;
      }
      return BadBasis;
    });
  });

  it('two entities with the same name', () => {
    declaring(() => {
      @PolicyEntity<object>({ name: 'TestPerson', visibleTo: [], relations: {} })
      class Impostor {}
      return Impostor;
    });
  });
});
