import { DiscoveryService } from '@nestjs/core';
import { RetentionRuleKey } from '../retention/retention-rules';

/**
 * A person whose data a tenant holds, as a data-subject request names them: the account (when the
 * person has one in the tenant) and the e-mail address they gave (invitations, messages and public
 * requests know a person only by it).
 */
export interface DataSubject {
  tenantId: string;
  userId: string | null;
  email: string;
}

/**
 * One record a holder keeps of the person, as an instance of a declared entity (`@PolicyEntity`).
 * `aboutOthers` names its personal-data fields that are someone else's (the staff member who read,
 * the administrator who granted): they stay out of the person's export.
 */
export interface HeldRecord {
  record: object;
  aboutOthers?: readonly string[];
}

/**
 * What a holder keeps of an erased person, as a stable code: the answer to the person says it in their
 * language (libs/privacy, request-emails.ts): what is kept, in what form, for which duty, for how long.
 */
export enum KeptOnErasure {
  /** The account's identifier, without name, contact details or credentials: the audit trail's reference. */
  ACCOUNT_REFERENCE = 'ACCOUNT_REFERENCE',
  /** Audit entries of what the person did, with the account's identifier only. */
  AUDIT_TRAIL = 'AUDIT_TRAIL',
  /** Applications made or handled, certificates signed, copies requested: identifier only, signed content unchanged. */
  CERTIFICATE_FILE = 'CERTIFICATE_FILE',
  /** Datasheet versions the person completed: identifier only. */
  DATASHEET_VERSIONS = 'DATASHEET_VERSIONS',
  /** Project certificates the person sent to an external system: identifier only, as the sender. */
  PROJECT_DISTRIBUTIONS = 'PROJECT_DISTRIBUTIONS',
  /** The log of who read the person's data: identifiers only. */
  PERSONAL_DATA_ACCESS_LOG = 'PERSONAL_DATA_ACCESS_LOG',
  /** The person's data-subject requests, this one included, without name or address. */
  DATA_SUBJECT_REQUESTS = 'DATA_SUBJECT_REQUESTS',
}

/** How long each is kept: the retention rule its records are declared under (the tenant's period of it). */
export const KEPT_ON_ERASURE_RETENTION: Readonly<Record<KeptOnErasure, RetentionRuleKey>> = {
  ACCOUNT_REFERENCE: RetentionRuleKey.CERTIFICATE_FILE,
  AUDIT_TRAIL: RetentionRuleKey.CERTIFICATE_FILE,
  CERTIFICATE_FILE: RetentionRuleKey.CERTIFICATE_FILE,
  DATASHEET_VERSIONS: RetentionRuleKey.DATASHEET_RECORD,
  PROJECT_DISTRIBUTIONS: RetentionRuleKey.CERTIFICATE_FILE,
  PERSONAL_DATA_ACCESS_LOG: RetentionRuleKey.PERSONAL_DATA_ACCESS,
  DATA_SUBJECT_REQUESTS: RetentionRuleKey.DATA_SUBJECT_REQUEST,
};

/** Records of one kind kept on erasure. */
export interface KeptRecords {
  what: KeptOnErasure;
  records: number;
}

/** What erasure did to one holder's records of a person, and why where something is kept. */
export interface ErasureOutcome {
  /** Records removed. */
  deleted: number;
  /** Records kept with the person's data replaced (a duty to keep the record applies). */
  deidentified: number;
  /** Records kept as they are: they hold only a reference (an id) and a duty to keep them applies. */
  keptAsReference: number;
  /** Why what was kept is kept (the legal or evidential duty), for the privacy office (English). */
  reason?: string;
  /** What was kept, by kind: the answer to the person lists them in their language. */
  kept?: readonly KeptRecords[];
}

/** What a retention sweep did in one holder: records past their declared retention, and what became of them. */
export interface RetentionOutcome {
  expired: number;
  deleted: number;
  deidentified: number;
  /** Past retention but under a legal hold: left as they are. */
  held: number;
}

export interface RetentionSweep {
  now: Date;
  /** Records (`Entity:id`) under a legal hold: never touched. */
  held: ReadonlySet<string>;
  /** At most this many records per statement (batched so a sweep never holds long locks). */
  batchSize: number;
  /** Subjects (user ids) whose processing is restricted: storage only, so no sweep touches them. */
  restrictedUserIds: ReadonlySet<string>;
  /**
   * The tenant's effective period of a rule (its own shorter one, else the platform default) as a
   * PostgreSQL interval literal (`6 months`): the holder passes it to its statements as one parameter.
   */
  intervalOf(rule: RetentionRuleKey): string;
}

/**
 * The contract each bounded context implements for the personal data it holds (SPEC §5): what it
 * holds of one person (the data-subject export passes these records through the output gate), how it
 * erases them (deletes where no duty to keep applies, de-identifies where one does) and how it
 * enforces the retention its declarations name. Every method runs in the unit of work the caller
 * opened in the person's tenant, and must be safe to repeat: erasing twice changes nothing.
 *
 * A context adds a provider with `@HoldsPersonalData()` implementing this; the privacy context finds
 * every such provider, so contexts added later (certificates, datasheets) plug in without changes here.
 */
export interface PersonalDataHolder {
  /** `<context>.<records>`, e.g. `identity.accounts`. */
  readonly holder: string;
  /** The person's records, and which of their fields are about someone else. */
  recordsOf(subject: DataSubject): Promise<HeldRecord[]>;
  erase(subject: DataSubject): Promise<ErasureOutcome>;
  /** Enforces retention in the tenant of the open unit of work; absent when the holder keeps nothing past a rule. */
  sweepRetention?(sweep: RetentionSweep): Promise<RetentionOutcome>;
  /**
   * Enforces retention on the platform operator's own rows (tenant_id NULL) in a platform unit of work,
   * with the platform's default periods: no tenant's sweep reaches them. Absent when the holder keeps none.
   */
  sweepPlatformRetention?(sweep: RetentionSweep): Promise<RetentionOutcome>;
  /**
   * The person's processing is restricted (Art. 18: storage only): whatever the holder publishes of
   * them stops at once, in the restricting unit of work (a public output is processing). Returns how
   * many records changed; absent when the holder publishes nothing of anyone.
   */
  restrictProcessing?(subject: DataSubject): Promise<number>;
  /**
   * The person's restriction is lifted (its end already written, in the lifting unit of work): what the
   * holder stopped publishing for the restriction alone is published again. Returns how many records
   * changed; absent when the restriction stopped nothing to resume.
   */
  restrictionLifted?(subject: DataSubject): Promise<number>;
  /**
   * The person's objection (Art. 21) is upheld: whatever the holder publishes of them on a legitimate
   * interest stops, as on an objection they made themselves, in the answering unit of work. Returns how
   * many records changed; absent when the holder publishes nothing of anyone.
   */
  object?(subject: DataSubject): Promise<number>;
  /**
   * The kinds of record a legal hold (`Kind:id`) can name that this holder's retention sweep leaves
   * alone when held: each kind is one holder's (test/privacy/legal-hold-records holds it so). Absent
   * when the holder's sweep honours no hold of its own.
   */
  readonly legalHoldKinds?: readonly string[];
  /**
   * Whether the tenant of the open unit of work has the record of one of `legalHoldKinds` with this
   * id: a hold is placed only on a record that exists, since one on a mistyped id would protect
   * nothing while the sweep deletes the real record.
   */
  hasHoldableRecord?(kind: string, id: string): Promise<boolean>;
  /**
   * The tables the holder reads with its own SQL (no TypeORM entity maps them), for the tenant archive
   * a departing tenant takes with it: per table, the policed record a row (as `row_to_json` gives it)
   * stands for. Absent when every table of the holder has an entity.
   */
  readonly archivedTables?: Readonly<Record<string, (row: Record<string, unknown>) => object>>;
}

/** Marks a provider as a personal-data holder the privacy context discovers. */
export const HoldsPersonalData = DiscoveryService.createDecorator<void>();

export const NOTHING_ERASED: ErasureOutcome = Object.freeze({ deleted: 0, deidentified: 0, keptAsReference: 0 });

/**
 * A retention sweep's batches: runs `batch` (which changes at most `batchSize` records and says how
 * many) until one comes back short, and returns the total. Each batch is its own statement, so a large
 * backlog is worked through without one statement holding every row.
 */
export async function inBatches(batchSize: number, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = await batch();
    total += changed;
    if (changed < batchSize) return total;
  }
}

/** One holder's outcome of several rules' sweeps (each rule counted on its own). */
export function sumOutcomes(outcomes: readonly RetentionOutcome[]): RetentionOutcome {
  return outcomes.reduce((sum, o) => ({ expired: sum.expired + o.expired, deleted: sum.deleted + o.deleted, deidentified: sum.deidentified + o.deidentified, held: sum.held + o.held }), {
    expired: 0, deleted: 0, deidentified: 0, held: 0,
  });
}
