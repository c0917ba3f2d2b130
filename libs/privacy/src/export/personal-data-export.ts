import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@chancery/core';
import { canWrite, DataSubject, describeRetention, getPolicy, PersonalDataCategory, PersonalDataDeclaration, releasedToDataSubject, presentToDataSubject, retentionRulesOf } from '@chancery/policy';
import { RetentionScheduleService } from '../retention/retention-schedule.service';
import { PersonalDataHolders } from '../holders/personal-data-holders';

/** Version of the document; its JSON Schema is docs/privacy/data-subject-export.schema.json. */
export const EXPORT_FORMAT = 'chancery.data-subject-export/1';

/**
 * Who receives each category (Art. 15(1)(c)): the tenant's own staff by role, and the platform's
 * sub-processors. Kept beside the export until the declarations carry recipients themselves.
 */
const RECIPIENTS: Readonly<Partial<Record<PersonalDataCategory, readonly string[]>>> = {
  contact: ["the controller's staff handling your requests", 'the e-mail delivery provider (sub-processor)'],
  identification: ["the controller's staff", 'colleagues of your company'],
  employment: ["the controller's staff", 'colleagues of your company'],
  signature: ['holders and verifiers of the certificates you signed'],
  correspondence: ['the e-mail delivery provider (sub-processor)'],
};
const DEFAULT_RECIPIENTS = ["the controller's staff", 'the platform operator, as processor, only under a support grant the controller approves'];

/** Categories observed about the person rather than given by them (Art. 20 covers what they provided). */
const OBSERVED: ReadonlySet<PersonalDataCategory> = new Set(['electronicIdentification', 'usageStatistics', 'security']);

export interface ExportedField {
  field: string;
  category: PersonalDataCategory;
  value: unknown;
  /** Portability (Art. 20): the person provided this value. */
  providedBySubject: boolean;
}

export interface ExportedRecord {
  holder: string;
  entity: string;
  fields: ExportedField[];
  /** Declared personal data held but not handed out, with why (a credential would be a key to the account). */
  withheld: Array<{ field: string; category: PersonalDataCategory; reason: string }>;
}

export interface CategorySummary {
  category: PersonalDataCategory;
  purposes: string[];
  legalBases: string[];
  retention: string[];
  recipients: string[];
  source: string;
}

export interface DataSubjectExport {
  format: typeof EXPORT_FORMAT;
  generatedAt: string;
  controllerTenantId: string;
  subject: { userId: string | null; email: string };
  portability: boolean;
  categories: CategorySummary[];
  records: ExportedRecord[];
}

const WITHHELD_CREDENTIAL = 'a secret (password hash, second-factor secret): a copy would let anyone log in as you';

/**
 * The access and portability export (Art. 15 and 20; VERIFY T12): every field declared personal data
 * on every record each holder keeps of the person, with purposes, legal bases, retention, recipients
 * and source per category. The declarations decide which fields; the holders decide which records
 * are the person's. Every value is taken from the output gate's copy (`presentToDataSubject`,
 * purpose `export`), so the staff member who produces an export is in the personal-data access log
 * like any other reader.
 */
@Injectable()
export class PersonalDataExporter {
  constructor(
    private readonly holders: PersonalDataHolders,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly schedule: RetentionScheduleService,
  ) {}

  /** In the caller's unit of work, in the subject's tenant. */
  async exportOf(subject: DataSubject, portability: boolean): Promise<DataSubjectExport> {
    const records: ExportedRecord[] = [];
    // Retention as it applies in the controller tenant: its own shorter periods where it set them.
    const periods = await this.schedule.ownPeriodsOf(subject.tenantId);
    const declarations = new Map<PersonalDataCategory, PersonalDataDeclaration[]>();
    const selfViewer = { kind: 'user' as const, id: subject.userId ?? undefined, tenantId: subject.tenantId, roles: [] };
    for (const holder of this.holders.all()) {
      for (const { record, aboutOthers = [] } of await holder.recordsOf(subject)) {
        const policy = getPolicy(record.constructor as never);
        if (!policy) continue;
        // The values come from the gate's copy: its data-subject rule decides what leaves, and the
        // access log records who produced the export.
        const presented = presentToDataSubject(record, { requestedBy: this.context.actor, aboutOthers }) as Record<string, unknown>;
        const exported: ExportedRecord = { holder: holder.holder, entity: policy.name, fields: [], withheld: [] };
        const released = new Set(releasedToDataSubject(policy, new Set(aboutOthers)).map((field) => field.name));
        for (const field of policy.fields.values()) {
          const declaration = field.personalData;
          if (!declaration || aboutOthers.includes(field.name)) continue;
          const list = declarations.get(declaration.category) ?? [];
          list.push(declaration);
          declarations.set(declaration.category, list);
          if (!released.has(field.name)) {
            exported.withheld.push({ field: field.name, category: declaration.category, reason: WITHHELD_CREDENTIAL });
            continue;
          }
          const provided = canWrite(selfViewer, policy.cls, field.name, record) || (!OBSERVED.has(declaration.category) && policy.name !== 'AuditEntry');
          if (portability && !provided) continue;
          exported.fields.push({ field: field.name, category: declaration.category, value: jsonValue(presented[field.name]), providedBySubject: provided });
        }
        records.push(exported);
      }
    }
    return {
      format: EXPORT_FORMAT,
      generatedAt: this.clock.now().toISOString(),
      controllerTenantId: subject.tenantId,
      subject: { userId: subject.userId, email: subject.email },
      portability,
      categories: [...declarations.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, list]) => ({
        category,
        purposes: unique(list.map((d) => d.purpose)),
        legalBases: unique(list.map((d) => d.legalBasis)),
        retention: unique(list.flatMap((d) => retentionRulesOf(d).map((rule) => describeRetention(rule, periods)))),
        recipients: [...(RECIPIENTS[category] ?? DEFAULT_RECIPIENTS)],
        source: OBSERVED.has(category) ? 'recorded by the application as you used it' : 'provided by you, your company or the controller',
      })),
      records,
    };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}
