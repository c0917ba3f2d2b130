import { Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { Grant, Relation } from './policy.types';

// Builders so declarations read as sentences: @Readable(self(), ownOrganisation(Role.ORG_ADMIN)).

function grant(relation: Relation, roles: readonly Role[]): Grant {
  // No roles given means "whoever has the relation"; an explicit empty list would mean nobody.
  return roles.length === 0
    ? Object.freeze({ relation })
    : Object.freeze({ relation, roles: Object.freeze([...roles]) });
}

/** The person the record is about. */
export function self(): Grant {
  return grant('self', []);
}

/** People of the company the record belongs to; all of them when no role is named. */
export function ownOrganisation(...roles: Role[]): Grant {
  return grant('ownOrganisation', roles);
}

/** People acting in the tenant the record belongs to; all of them (company users too) when no role is named. */
export function ownTenant(...roles: Role[]): Grant {
  return grant('ownTenant', roles);
}

/**
 * A person acting in no tenant (the platform operator), on the platform's own records: those of no
 * tenant, such as its audit chain. Never a tenant's record, whatever the unit of work shows.
 */
export function ownPlatform(...roles: Role[]): Grant {
  return grant('ownPlatform', roles);
}

/** The tenant's staff: TENANT_ADMIN, CLERK, SIGNER, PRIVACY_OFFICER, AUDITOR. */
export function staffOfOwnTenant(): Grant {
  return grant('ownTenant', TENANT_STAFF_ROLES);
}

/** Everyone, anonymous included, once the record is published. */
export function published(): Grant {
  return grant('published', []);
}

/** People of a company that is a party to the record's project. */
export function projectParty(...roles: Role[]): Grant {
  return grant('projectParty', roles);
}

/** Everyone, anonymous included, always. Only for genuinely public fields such as a tenant's name. */
export function anyone(): Grant {
  return grant('anyone', []);
}

/** `self`, `ORG_ADMIN@ownOrganisation`, `anyone@published`: how the matrix prints a grant. */
export function describeGrant(g: Grant): string {
  if (g.roles === undefined) {
    return g.relation === 'self' || g.relation === 'anyone' ? g.relation : `anyone@${g.relation}`;
  }
  return `${g.roles.length === 0 ? 'nobody' : g.roles.join(',')}@${g.relation}`;
}
