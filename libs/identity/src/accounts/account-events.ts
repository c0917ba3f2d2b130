/**
 * What identity announces to the contexts above it (auth ends sessions on these), published inside
 * the unit of work of the change: a listener that fails rolls the change back.
 */
export const ACCOUNT_DISABLED = 'identity.account.disabled';

/** A disabled account is active again, with the roles it had: the datasheets context counts its roles as held again. */
export const ACCOUNT_ENABLED = 'identity.account.enabled';

export interface AccountDisabled {
  userId: string;
  tenantId: string | null;
}

/** An administrator removed the account's second factor (a lost phone): its sessions end, it enrols again. */
export const SECOND_FACTOR_REMOVED = 'identity.account.second-factor-removed';

/**
 * A person takes organisation roles (registration, an accepted invitation, a role granted). The
 * datasheets context listens: in a certification body's space the person must have acknowledged the
 * contact-disclosure notice (COPRO §5b), given here as the version they acknowledged with the request.
 * A listener that refuses (throws) rolls the change back.
 */
export const ORGANISATION_ROLES_TAKEN = 'identity.organisation-roles.taken';

/**
 * A person's organisation roles were withdrawn by an administrator; `remaining` are the roles they
 * still hold. The datasheets context listens: someone without an organisation role can no longer be
 * a datasheet's published contact (COPRO §5b).
 */
export const ORGANISATION_ROLES_WITHDRAWN = 'identity.organisation-roles.withdrawn';

export interface OrganisationRolesWithdrawn {
  userId: string;
  tenantId: string;
  organisationId: string;
  withdrawn: readonly string[];
  remaining: readonly string[];
}

export interface OrganisationRolesTaken {
  userId: string;
  tenantId: string;
  organisationId: string;
  roles: readonly string[];
  /** The notice version the person acknowledged with this request; null when the request carried none (a role granted by an admin). */
  acknowledgedNoticeVersion: string | null;
  /** The input field that carries the acknowledgement (or names the grant), for the refusal. */
  field: string;
}

/**
 * A person's own details changed (name, telephone, position). The datasheets context listens: a
 * published contact is a copy of them, which must stay accurate (GDPR Art. 5(1)(d), Art. 16).
 */
export const PERSON_DETAILS_CHANGED = 'identity.person.details-changed';

export interface PersonDetailsChanged {
  userId: string;
  tenantId: string | null;
}

/** A company's details changed (e-mail, telephone, name): the datasheets showing its general contact copy them. */
export const ORGANISATION_DETAILS_CHANGED = 'identity.organisation.details-changed';

export interface OrganisationDetailsChanged {
  organisationId: string;
  tenantId: string;
}

/**
 * A registration whose address was never confirmed lapsed (the company or the address registered
 * again, or its retention ended): the company and these accounts are deleted next, in the same
 * unit of work. Nobody ever used them; the datasheets context deletes the acknowledgement of the
 * disclosure notice given with the registration. A listener that refuses with
 * IdentityErrors.REGISTRATION_KEPT keeps the registration (the privacy context: a legal hold, a restriction).
 */
export const REGISTRATION_LAPSED = 'identity.registration.lapsed';

export interface RegistrationLapsed {
  tenantId: string;
  organisationId: string;
  userIds: readonly string[];
}
