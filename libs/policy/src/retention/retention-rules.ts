/**
 * The retention rules (SPEC §5 "Retention"; issue 18 item 4). Every personal-data declaration names
 * one by key; each rule says what its period counts from (its basis), the platform's default period,
 * and, where a law fixes one, a legal minimum (a duty to keep: issued certificates, invoicing) and a
 * legal maximum (event data at most a year, 000 §4). A tenant may shorten a rule's period, never
 * lengthen it past the default and never go below a legal minimum; the retention sweep reads the
 * tenant's effective periods, the register of processing and the data-subject export print them.
 */

/** What a rule's period counts from. */
export enum RetentionBasis {
  /** Until the account (or the customer relationship, the role) ends, then N. */
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  /** N after the event the record is about (a login, a delivery, an access). */
  EVENT_DATE = 'EVENT_DATE',
  /** N after the file (a request, a datasheet, a sub-processor's engagement) is closed. */
  FILE_CLOSED = 'FILE_CLOSED',
  /** Until the person (or the company) unsubscribes, objects or removes it: no period. */
  UNTIL_WITHDRAWN = 'UNTIL_WITHDRAWN',
  /** Kept for N because a law requires it (evidence, invoicing). */
  LEGAL_DUTY = 'LEGAL_DUTY',
}

export enum RetentionUnit {
  DAYS = 'DAYS',
  MONTHS = 'MONTHS',
  YEARS = 'YEARS',
}

export enum RetentionRuleKey {
  ACCOUNT = 'ACCOUNT',
  ACCOUNT_CREDENTIALS = 'ACCOUNT_CREDENTIALS',
  USAGE_EVENT = 'USAGE_EVENT',
  LOGIN_SESSION = 'LOGIN_SESSION',
  INVITATION = 'INVITATION',
  UNCONFIRMED_REGISTRATION = 'UNCONFIRMED_REGISTRATION',
  DELIVERED_MESSAGE = 'DELIVERED_MESSAGE',
  PERSONAL_DATA_ACCESS = 'PERSONAL_DATA_ACCESS',
  CERTIFICATE_FILE = 'CERTIFICATE_FILE',
  ABANDONED_APPLICATION = 'ABANDONED_APPLICATION',
  INVOICING = 'INVOICING',
  CUSTOMER_RECORD = 'CUSTOMER_RECORD',
  SAVED_CONSIGNEE = 'SAVED_CONSIGNEE',
  PROCESSING_STATISTICS = 'PROCESSING_STATISTICS',
  PUBLISHED_CONTACT = 'PUBLISHED_CONTACT',
  PROJECT_CONTACT = 'PROJECT_CONTACT',
  DATASHEET_RECORD = 'DATASHEET_RECORD',
  DISCLOSURE_ACKNOWLEDGEMENT = 'DISCLOSURE_ACKNOWLEDGEMENT',
  PRIVACY_ACCOUNTABILITY = 'PRIVACY_ACCOUNTABILITY',
  SUB_PROCESSOR_OBJECTION = 'SUB_PROCESSOR_OBJECTION',
  DATA_SUBJECT_REQUEST = 'DATA_SUBJECT_REQUEST',
  SUPPORT_VIEW = 'SUPPORT_VIEW',
}

export interface RetentionRule {
  readonly key: RetentionRuleKey;
  readonly basis: RetentionBasis;
  /** What the period counts from (or, for UNTIL_WITHDRAWN, what ends it), in the register's words. */
  readonly countsFrom: string;
  readonly unit: RetentionUnit;
  /** The platform's period, in `unit`; null for UNTIL_WITHDRAWN (nothing to count). */
  readonly defaultPeriod: number | null;
  /** A duty to keep at least this long (in `unit`): no tenant goes below it. */
  readonly legalMinimum: number | null;
  /** A law's upper bound (in `unit`): the default never exceeds it, and neither may a tenant. */
  readonly legalMaximum: number | null;
  /** Where the period (and its bounds) come from. */
  readonly source: string;
}

type RuleSpec = Omit<RetentionRule, 'key' | 'legalMinimum' | 'legalMaximum'> & { legalMinimum?: number; legalMaximum?: number };

const { ACCOUNT_CLOSED, EVENT_DATE, FILE_CLOSED, UNTIL_WITHDRAWN, LEGAL_DUTY } = RetentionBasis;
const { DAYS, MONTHS, YEARS } = RetentionUnit;

const SPECS: Record<RetentionRuleKey, RuleSpec> = {
  ACCOUNT: { basis: ACCOUNT_CLOSED, countsFrom: 'the account is closed', unit: MONTHS, defaultPeriod: 12, source: 'evidence of access (DigiChambers §4.3)' },
  ACCOUNT_CREDENTIALS: { basis: ACCOUNT_CLOSED, countsFrom: 'the credential is changed or the account is closed', unit: MONTHS, defaultPeriod: 0, source: 'needed only to log in' },
  USAGE_EVENT: { basis: EVENT_DATE, countsFrom: 'the event', unit: MONTHS, defaultPeriod: 12, legalMaximum: 12, source: 'event data at most one year after the event (COPRO §4)' },
  LOGIN_SESSION: { basis: EVENT_DATE, countsFrom: 'the session ends', unit: MONTHS, defaultPeriod: 12, legalMaximum: 12, source: 'event data at most one year after the event (COPRO §4)' },
  INVITATION: { basis: EVENT_DATE, countsFrom: 'the invitation expires (accepted or revoked ones at once)', unit: DAYS, defaultPeriod: 30, source: 'needed only until the invitation is answered' },
  // A registration whose address was never confirmed: nobody could ever use it. Kept a week, so the chamber can still see who tried to register a company with someone else's address.
  UNCONFIRMED_REGISTRATION: { basis: EVENT_DATE, countsFrom: 'the link to confirm the address expires unused (48 hours after registering)', unit: DAYS, defaultPeriod: 7, source: 'needed only until the registrant confirms the address' },
  DELIVERED_MESSAGE: { basis: EVENT_DATE, countsFrom: 'the message is delivered', unit: DAYS, defaultPeriod: 90, source: 'answering questions about a message sent' },
  // A floor on the privacy office's own evidence: the role whose reads the log records cannot empty it at once.
  PERSONAL_DATA_ACCESS: { basis: EVENT_DATE, countsFrom: 'the access', unit: MONTHS, defaultPeriod: 12, legalMinimum: 6, source: 'accountability (GDPR Art. 5(2)); at least 6 months, so an access request can still be answered with it' },
  CERTIFICATE_FILE: { basis: LEGAL_DUTY, countsFrom: 'the certificate is issued', unit: YEARS, defaultPeriod: 10, legalMinimum: 7, source: 'evidence for disputes (DigiChambers §3.2c, §4.3); at least 7 years' },
  // Drafts never submitted, applications sent back for changes and never resubmitted, and those the company withdrew: no certificate was issued, so nothing is kept as evidence.
  ABANDONED_APPLICATION: { basis: FILE_CLOSED, countsFrom: "the application's last change, when it was never submitted, was sent back for changes and never resubmitted, or was withdrawn by the company", unit: MONTHS, defaultPeriod: 12, source: 'no certificate was issued, so no duty to keep (DigiChambers keeps evidence of certificates issued)' },
  INVOICING: { basis: LEGAL_DUTY, countsFrom: 'the invoicing file closes', unit: YEARS, defaultPeriod: 7, legalMinimum: 7, source: 'accounting law: invoices are kept 7 years (DigiChambers §8)' },
  CUSTOMER_RECORD: { basis: ACCOUNT_CLOSED, countsFrom: 'the customer relationship ends', unit: YEARS, defaultPeriod: 7, legalMinimum: 7, source: 'the customer is named on invoices kept 7 years' },
  SAVED_CONSIGNEE: { basis: UNTIL_WITHDRAWN, countsFrom: 'the company removes it or leaves the chamber', unit: MONTHS, defaultPeriod: null, source: "the company's own address book" },
  PROCESSING_STATISTICS: { basis: EVENT_DATE, countsFrom: 'the request is processed', unit: MONTHS, defaultPeriod: 24, source: 'statistics of requests processed (DigiChambers §2.2)' },
  PUBLISHED_CONTACT: { basis: UNTIL_WITHDRAWN, countsFrom: 'the person objects or stops being the contact (removed from every public output at once)', unit: MONTHS, defaultPeriod: null, source: 'contact disclosure (COPRO §5b)' },
  PROJECT_CONTACT: { basis: UNTIL_WITHDRAWN, countsFrom: 'the person objects or another contact is named', unit: MONTHS, defaultPeriod: null, source: 'project certificates (COPRO §5c)' },
  DATASHEET_RECORD: { basis: FILE_CLOSED, countsFrom: 'the datasheet is withdrawn', unit: MONTHS, defaultPeriod: 12, source: "the product's certification file" },
  DISCLOSURE_ACKNOWLEDGEMENT: { basis: ACCOUNT_CLOSED, countsFrom: 'the role ends', unit: MONTHS, defaultPeriod: 12, source: 'evidence of the acknowledgement (COPRO §5b)' },
  PRIVACY_ACCOUNTABILITY: { basis: FILE_CLOSED, countsFrom: 'the record it belongs to is removed', unit: MONTHS, defaultPeriod: 0, source: 'evidence of compliance (GDPR Art. 5(2))' },
  SUB_PROCESSOR_OBJECTION: { basis: FILE_CLOSED, countsFrom: 'the sub-processor is removed', unit: YEARS, defaultPeriod: 5, source: 'evidence of the objection (GDPR Art. 28(2))' },
  DATA_SUBJECT_REQUEST: { basis: FILE_CLOSED, countsFrom: 'the request is answered', unit: YEARS, defaultPeriod: 3, legalMinimum: 1, source: 'evidence the request was answered in time (GDPR Art. 12); at least 1 year, for a complaint to the supervisory authority' },
  SUPPORT_VIEW: { basis: EVENT_DATE, countsFrom: 'the support grant ends (shown to the operator during the grant only, not stored)', unit: DAYS, defaultPeriod: 0, source: 'processor support (002 §4)' },
};

function built(key: RetentionRuleKey, spec: RuleSpec): RetentionRule {
  const rule: RetentionRule = Object.freeze({ key, ...spec, legalMinimum: spec.legalMinimum ?? null, legalMaximum: spec.legalMaximum ?? null });
  // A catalogue that contradicts itself would let the sweep or a tenant break a law: refuse it when the module loads.
  const { defaultPeriod: d, legalMinimum: min, legalMaximum: max } = rule;
  if ((d === null) !== (rule.basis === UNTIL_WITHDRAWN)) throw new Error(`retention rule ${key}: a period exactly when the basis counts one`);
  if (d !== null && ((min !== null && d < min) || (max !== null && d > max) || d < 0)) throw new Error(`retention rule ${key}: default outside its legal bounds`);
  return rule;
}

export const RETENTION_RULES: Readonly<Record<RetentionRuleKey, RetentionRule>> = Object.freeze(
  Object.fromEntries(Object.values(RetentionRuleKey).map((key) => [key, built(key, SPECS[key])])) as Record<RetentionRuleKey, RetentionRule>,
);

export function retentionRule(key: RetentionRuleKey): RetentionRule {
  return RETENTION_RULES[key];
}

export function isRetentionRuleKey(value: unknown): value is RetentionRuleKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RETENTION_RULES, value);
}

/** The shortest and longest period a tenant may set for a rule; null when the rule has no period. */
export function tenantPeriodBounds(rule: RetentionRule): { min: number; max: number } | null {
  if (rule.defaultPeriod === null) return null;
  return { min: rule.legalMinimum ?? 0, max: Math.min(rule.defaultPeriod, rule.legalMaximum ?? rule.defaultPeriod) };
}

/**
 * The period in force for a rule: the tenant's own, held inside the rule's bounds (so a catalogue
 * whose default was lowered later, or a row written by hand, can never lengthen retention or break a
 * legal minimum), else the platform's default. Null for a rule without a period.
 */
export function effectivePeriod(rule: RetentionRule, own: number | undefined): number | null {
  const bounds = tenantPeriodBounds(rule);
  if (!bounds) return null;
  return own === undefined ? rule.defaultPeriod : Math.min(bounds.max, Math.max(bounds.min, own));
}

/** A period as a PostgreSQL interval literal (`12 months`), passed to the sweep's statements as one parameter. */
export function retentionInterval(rule: RetentionRule, period: number): string {
  return `${Math.trunc(period)} ${rule.unit.toLowerCase()}`;
}

const UNIT_WORDS: Record<RetentionUnit, [string, string]> = { DAYS: ['day', 'days'], MONTHS: ['month', 'months'], YEARS: ['year', 'years'] };

export function describePeriod(rule: RetentionRule, period: number): string {
  const [one, many] = UNIT_WORDS[rule.unit];
  return `${period} ${period === 1 ? one : many}`;
}

/**
 * A rule in words, with the tenant's period where it shortened the default:
 * `LOGIN_SESSION: 6 months after the session ends (tenant's period; platform default 12 months, legal maximum 12 months)`.
 */
export function describeRetention(key: RetentionRuleKey, tenantPeriods: ReadonlyMap<RetentionRuleKey, number> = new Map()): string {
  const rule = retentionRule(key);
  if (rule.defaultPeriod === null) return `${key}: until ${rule.countsFrom}`;
  const period = effectivePeriod(rule, tenantPeriods.get(key)) ?? rule.defaultPeriod;
  const notes = [
    period !== rule.defaultPeriod ? `tenant's period; platform default ${describePeriod(rule, rule.defaultPeriod)}` : 'platform default',
    ...(rule.legalMinimum !== null ? [`legal minimum ${describePeriod(rule, rule.legalMinimum)}`] : []),
    ...(rule.legalMaximum !== null ? [`legal maximum ${describePeriod(rule, rule.legalMaximum)}`] : []),
  ];
  const duty = rule.basis === RetentionBasis.LEGAL_DUTY ? 'kept by legal duty: ' : '';
  const when = period === 0 ? `until ${rule.countsFrom}` : `${describePeriod(rule, period)} after ${rule.countsFrom}`;
  return `${key}: ${duty}${when} (${notes.join(', ')})`;
}
