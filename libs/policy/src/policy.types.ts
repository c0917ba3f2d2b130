import { Role } from '@chancery/access';
import { RetentionRuleKey } from './retention/retention-rules';

/**
 * How a viewer stands to a record. A grant names one relation; the engine works out which
 * relations hold for a given viewer and record (SPEC §4).
 *
 * - `self`            the viewer is the person the record is about
 * - `ownOrganisation` the record belongs to the company the viewer acts for (same tenant when both known)
 * - `ownTenant`       the record belongs to the tenant the viewer acts in
 * - `ownPlatform`     the record belongs to no tenant (the platform's own, such as its audit chain) and the
 *                     viewer is a person acting in none (the operator)
 * - `published`       the record is published; holds for every viewer, anonymous included
 * - `projectParty`    the viewer's company is a party to the record's project
 * - `anyone`          always holds, anonymous included; for genuinely public fields only
 */
export type Relation = 'self' | 'ownOrganisation' | 'ownTenant' | 'ownPlatform' | 'published' | 'projectParty' | 'anyone';

/** In the order the matrix prints them: closest relation first. */
export const RELATIONS: readonly Relation[] = [
  'self',
  'ownOrganisation',
  'ownTenant',
  'ownPlatform',
  'projectParty',
  'published',
  'anyone',
];

/**
 * A grant applies when the viewer has `relation` to the record and either `roles` is undefined
 * (any viewer with that relation) or the viewer holds one of `roles`. An empty `roles` list
 * matches nobody.
 */
export interface Grant {
  readonly relation: Relation;
  readonly roles?: readonly Role[];
}

type Key = string | undefined | null;

/** How a record of an entity relates to viewers. A resolver left out means that relation never holds. */
export interface RelationResolvers<T> {
  tenantId?: (record: T) => Key;
  organisationId?: (record: T) => Key;
  /** The data subject's user id, when the record is about a person. */
  selfUserId?: (record: T) => Key;
  isPublished?: (record: T) => boolean;
  projectPartyOrganisationIds?: (record: T) => readonly string[];
}

export interface PolicyEntityOptions<T> {
  /** The entity's name in the matrix and in errors, e.g. `User`; the GraphQL type's name when it is one. */
  name: string;
  /**
   * Record-level access: who may see a record at all. A viewer no grant names gets nothing of it
   * (the output gate drops it); field rules then decide what the others see. `[]`: output nowhere.
   */
  visibleTo: readonly Grant[];
  relations: RelationResolvers<T>;
  /** Whose personal data the entity mainly holds, e.g. `user`, `organisation`. */
  subject?: string;
}

/**
 * Categories of personal data, as the register of processing activities lists them (GDPR Art 30(1)(c)).
 *
 * - `identification`            names, date of birth, identity document numbers
 * - `contact`                   e-mail addresses, phone numbers, postal addresses of persons
 * - `electronicIdentification`  user ids, IP addresses, device identifiers, session ids
 * - `employment`                job title, employer, function within a company
 * - `signature`                 handwritten or electronic signatures and signing records
 * - `usageStatistics`           activity, login times, feature use
 * - `companyData`               data of a sole trader or partnership that identifies a person
 * - `credentials`               password hashes, second-factor secrets, recovery codes
 * - `security`                  audit trails and security events about a person
 * - `correspondence`            content of messages and notes about a person
 * - `financial`                 bank account, invoices and payments of a person
 */
export type PersonalDataCategory =
  | 'identification'
  | 'contact'
  | 'electronicIdentification'
  | 'employment'
  | 'signature'
  | 'usageStatistics'
  | 'companyData'
  | 'credentials'
  | 'security'
  | 'correspondence'
  | 'financial';

export const PERSONAL_DATA_CATEGORIES: readonly PersonalDataCategory[] = [
  'identification',
  'contact',
  'electronicIdentification',
  'employment',
  'signature',
  'usageStatistics',
  'companyData',
  'credentials',
  'security',
  'correspondence',
  'financial',
];

/** Lawful bases of GDPR Art 6(1)(a)–(f). */
export type LegalBasis =
  'consent' | 'contract' | 'legalObligation' | 'vitalInterest' | 'publicInterest' | 'legitimateInterest';

export const LEGAL_BASES: readonly LegalBasis[] = [
  'consent',
  'contract',
  'legalObligation',
  'vitalInterest',
  'publicInterest',
  'legitimateInterest',
];

export interface PersonalDataDeclaration {
  readonly category: PersonalDataCategory;
  /** Whose data: `user`, `organisationContact`, `consignee`, … */
  readonly subject: string;
  readonly purpose: string;
  readonly legalBasis: LegalBasis;
  /** The retention rule of the catalogue (`retention/retention-rules.ts`): its basis, default period and legal bounds. */
  readonly retention: RetentionRuleKey;
  /**
   * A second rule, for the records in one state its own `countsFrom` names (an application its company
   * abandoned: no certificate, so no duty to keep), where `retention` covers the rest. The register of
   * processing, the visibility matrix and the data-subject export name both (`retentionRulesOf`).
   */
  readonly retentionInState?: RetentionRuleKey;
}

/** Everything declared about one field, after inheritance is resolved. */
export interface FieldPolicy {
  readonly name: string;
  readonly read: readonly Grant[];
  readonly write: readonly Grant[];
  /** Declared never readable through any output. */
  readonly internal: boolean;
  readonly personalData?: PersonalDataDeclaration;
  /** Set when the field is explicitly classified as not personal data. */
  readonly notPersonalData?: { readonly reason?: string };
}

/** A class (abstract or not) whose instances are records of an entity. */
export type EntityClass<T extends object = object> = abstract new (...args: never[]) => T;

export interface EntityPolicy {
  readonly cls: EntityClass;
  readonly name: string;
  /** Who may see a record at all (see PolicyEntityOptions.visibleTo). */
  readonly visibleTo: readonly Grant[];
  readonly subject?: string;
  readonly relations: RelationResolvers<unknown>;
  /** Declared fields in declaration order; inherited fields first. */
  readonly fields: ReadonlyMap<string, FieldPolicy>;
}
