import { Role } from '@chancery/access';
import { describeRetention, EntityPolicy, Grant, PersonalDataField, personalDataOfSubject, policedEntities, RetentionRuleKey, retentionRulesOf } from '@chancery/policy';
import { ROLES_REQUIRING_TOTP } from '@chancery/identity';
import { inTheEea } from '../shared/eea';

/**
 * The register of processing activities (GDPR Art. 30), built from the code's personal-data
 * declarations (every field declares category, subject, purpose, legal basis and retention, or the
 * build fails: T16) plus what the code cannot know: the controller's details, the tenant's own
 * entries, and the sub-processors in force. One activity per declared purpose.
 */

/** The seven items Art. 30(1) asks of every activity, as the export names them. */
export const ARTICLE_30_1_ITEMS = ['controller', 'purpose', 'categories', 'recipients', 'transfers', 'retention', 'securityMeasures'] as const;

export interface RegisterParty {
  name: string;
  legalEntityNumber?: string;
  address?: string;
  email?: string | null;
  phone?: string | null;
  /** Who to contact about personal data (the data-protection contact). */
  privacyContact: string;
}

export interface RegisterSubProcessor {
  name: string;
  service: string;
  location: string;
  transferSafeguard: string | null;
  dataCategories: readonly string[];
  /** `platform` or `tenant`: whose sub-processor it is. */
  engagedBy: 'platform' | 'tenant';
}

export interface TenantRegisterEntry {
  name: string;
  purpose: string;
  legalBasis: string;
  dataSubjects: readonly string[];
  dataCategories: readonly string[];
  recipients: readonly string[];
  transfers: string;
  retention: string;
  securityMeasures: string;
}

export interface ProcessingActivityRecord {
  name: string;
  source: 'declared' | 'tenant';
  /** (a) */
  controller: string;
  /** (b) */
  purpose: string;
  legalBases: string[];
  /** (c): the personal data in words, and the same categories by their codes for a reader that translates them. */
  categories: { dataSubjects: string[]; personalData: string[]; personalDataCodes: string[] };
  /** (d) */
  recipients: string[];
  /** (e) */
  transfers: string;
  /** (f) */
  retention: string[];
  /** (g) */
  securityMeasures: string[];
  /** Where the code holds it (`Entity.field`); declared activities only. */
  fields?: string[];
}

export interface ProcessingRegister {
  register: 'controller' | 'processor';
  article: string;
  controller?: RegisterParty;
  processor?: RegisterParty;
  /** For the processor's register: the controllers on whose behalf it processes (Art. 30(2)(a)). */
  controllers?: RegisterParty[];
  subProcessors: RegisterSubProcessor[];
  activities: ProcessingActivityRecord[];
}

/** The platform as processor of every tenant (Art. 30(2)); its contact is in the processing agreement. */
export const PLATFORM_PROCESSOR: RegisterParty = {
  name: 'Chancery platform operator (processor for every tenant)',
  privacyContact: 'the data-protection contact named in the processing agreement with each tenant',
};

/** What the platform does for every activity (001 §10, SPEC §6), in the register's words. */
export const PLATFORM_SECURITY_MEASURES: readonly string[] = [
  'Tenant isolation in the database: row-level security enabled and forced on every tenant table',
  'Field-level visibility per role and relation, default deny, one declaration per field for every output',
  // Said from the rule the login enforces, so the register cannot promise more than is in force.
  `Passwords hashed with argon2id; second factor (TOTP) required for the roles ${new Intl.ListFormat('en', { type: 'conjunction' }).format(ROLES_REQUIRING_TOTP)}, for all the staff of a tenant that requires it and for the users of companies that choose it, offered to every account; high-value acts ask for it (or the password) again`,
  'Short-lived signed access tokens, rotating refresh tokens, revocation on the next request',
  'Tamper-evident audit log (hash chain) and a log of every staff read of personal data',
  'No operator access to tenant personal data except through a time-boxed grant the tenant approves',
  'Secrets encrypted at rest; HTTPS in production; personal data redacted from service logs',
];


const SUBJECTS: Record<string, string> = {
  user: 'users of the application (company users and tenant staff)',
  organisation: 'customer companies (sole traders and partners identified through them)',
  invitee: 'people invited to join a company or the staff',
};

const CATEGORY_WORDS: Record<string, string> = {
  identification: 'identification data', contact: 'contact details', electronicIdentification: 'electronic identification data',
  employment: 'employment data', signature: 'signatures', usageStatistics: 'use of the application', companyData: 'company data',
  credentials: 'credentials', security: 'security data', correspondence: 'correspondence', financial: 'financial data',
};

const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Every declared personal-data field, grouped by purpose: one activity each. */
export function declaredActivities(entities: readonly EntityPolicy[] = policedEntities()): Map<string, { fields: PersonalDataField[]; policies: Map<string, EntityPolicy> }> {
  const subjects = uniqueSorted(entities.flatMap((p) => [...p.fields.values()].flatMap((f) => (f.personalData ? [f.personalData.subject] : []))));
  const byPurpose = new Map<string, { fields: PersonalDataField[]; policies: Map<string, EntityPolicy> }>();
  type Group = { fields: PersonalDataField[]; policies: Map<string, EntityPolicy> };
  for (const subject of subjects) {
    for (const field of personalDataOfSubject(subject, entities)) {
      const group: Group = byPurpose.get(field.declaration.purpose) ?? { fields: [], policies: new Map() };
      group.fields.push(field);
      group.policies.set(field.entity, entities.find((p) => p.name === field.entity)!);
      byPurpose.set(field.declaration.purpose, group);
    }
  }
  return byPurpose;
}

/** Who outside the person and the controller's own staff receives the data, read from the fields' read grants. */
function recipientsOfGrants(grants: readonly Grant[]): string[] {
  const found: string[] = [];
  for (const grant of grants) {
    if (grant.relation === 'ownOrganisation') found.push(`the data subject's company (${grant.roles ? grant.roles.join(', ') : 'all its users'})`);
    if (grant.relation === 'published' || (grant.relation === 'anyone' && !grant.roles)) found.push('the public and the external datasheet system, once published (000 §5b)');
    if (grant.relation === 'projectParty') found.push('companies party to the same project (000 §5c)');
    // A grant on the platform's own records (of no tenant) never reaches a tenant's data.
    if (grant.roles?.includes(Role.PLATFORM_ADMIN) && grant.relation !== 'ownPlatform') found.push('the platform operator (processor)');
  }
  return found;
}

function subProcessorsFor(categories: readonly string[], subProcessors: readonly RegisterSubProcessor[]): RegisterSubProcessor[] {
  return subProcessors.filter((s) => s.dataCategories.length === 0 || s.dataCategories.some((c) => categories.includes(c)));
}

function transfersOf(subProcessors: readonly RegisterSubProcessor[]): string {
  const outside = subProcessors.filter((s) => !inTheEea(s.location));
  if (outside.length === 0) return 'None: all processing takes place in the EEA';
  return outside.map((s) => `${s.name} (${s.location}): ${s.transferSafeguard ?? 'no safeguard recorded'}`).join('; ');
}

function describeParty(party: RegisterParty): string {
  return [party.name, party.legalEntityNumber, party.address, party.email, `privacy: ${party.privacyContact}`].filter(Boolean).join(', ');
}

function activitiesOf(controller: string, subProcessors: readonly RegisterSubProcessor[], entities?: readonly EntityPolicy[], retentionPeriods?: ReadonlyMap<RetentionRuleKey, number>): ProcessingActivityRecord[] {
  const activities: ProcessingActivityRecord[] = [];
  for (const [purpose, group] of declaredActivities(entities)) {
    const categories = uniqueSorted(group.fields.map((f) => f.declaration.category));
    const grants = group.fields.flatMap((f) => group.policies.get(f.entity)!.fields.get(f.field)!.read);
    const processors = subProcessorsFor(categories, subProcessors);
    activities.push({
      name: purpose,
      source: 'declared',
      controller,
      purpose,
      legalBases: uniqueSorted(group.fields.map((f) => f.declaration.legalBasis)),
      categories: {
        dataSubjects: uniqueSorted(group.fields.map((f) => SUBJECTS[f.declaration.subject] ?? f.declaration.subject)),
        personalData: categories.map((c) => CATEGORY_WORDS[c] ?? c),
        personalDataCodes: categories,
      },
      recipients: uniqueSorted([
        'the platform operator as processor (no access except through a support grant the tenant approves)',
        ...recipientsOfGrants(grants),
        ...processors.map((s) => `${s.name} (sub-processor of the ${s.engagedBy}: ${s.service})`),
      ]),
      transfers: transfersOf(processors),
      retention: uniqueSorted(group.fields.flatMap((f) => retentionRulesOf(f.declaration).map((rule) => describeRetention(rule, retentionPeriods)))),
      securityMeasures: [...PLATFORM_SECURITY_MEASURES],
      fields: uniqueSorted(group.fields.map((f) => `${f.entity}.${f.field}`)),
    });
  }
  return activities.sort((a, b) => a.name.localeCompare(b.name));
}

/** A tenant's register as controller (Art. 30(1)): the declared activities plus the tenant's own entries. */
export function controllerRegister(input: {
  controller: RegisterParty;
  entries: readonly TenantRegisterEntry[];
  subProcessors: readonly RegisterSubProcessor[];
  entities?: readonly EntityPolicy[];
  /** The periods the tenant shortened, by rule: the register shows the period in force. */
  retentionPeriods?: ReadonlyMap<RetentionRuleKey, number>;
}): ProcessingRegister {
  const controller = describeParty(input.controller);
  const own: ProcessingActivityRecord[] = input.entries.map((e) => ({
    name: e.name,
    source: 'tenant',
    controller,
    purpose: e.purpose,
    legalBases: [e.legalBasis],
    // The tenant's entries are written with the category codes.
    categories: { dataSubjects: [...e.dataSubjects], personalData: [...e.dataCategories], personalDataCodes: [...e.dataCategories] },
    recipients: e.recipients.length ? [...e.recipients] : ['none outside the controller'],
    transfers: e.transfers,
    retention: [e.retention],
    securityMeasures: [e.securityMeasures],
  }));
  return {
    register: 'controller',
    article: 'GDPR Art. 30(1)',
    controller: input.controller,
    subProcessors: [...input.subProcessors],
    activities: [...activitiesOf(controller, input.subProcessors, input.entities, input.retentionPeriods), ...own],
  };
}

/** The platform's register as processor (Art. 30(2)): the same activities, carried out for every tenant. */
export function processorRegister(input: { controllers: readonly RegisterParty[]; subProcessors: readonly RegisterSubProcessor[]; entities?: readonly EntityPolicy[] }): ProcessingRegister {
  const controller = input.controllers.length ? `each tenant as controller (${input.controllers.map((c) => c.name).join('; ')})` : 'each tenant as controller';
  return {
    register: 'processor',
    article: 'GDPR Art. 30(2)',
    processor: PLATFORM_PROCESSOR,
    controllers: [...input.controllers],
    subProcessors: [...input.subProcessors],
    activities: activitiesOf(controller, input.subProcessors, input.entities),
  };
}

/** The items of Art. 30(1) an activity leaves empty (T16: none may). */
export function missingArticle30Items(activity: ProcessingActivityRecord): string[] {
  const filled: Record<(typeof ARTICLE_30_1_ITEMS)[number], boolean> = {
    controller: activity.controller.trim() !== '',
    purpose: activity.purpose.trim() !== '' && activity.legalBases.length > 0,
    categories: activity.categories.dataSubjects.length > 0 && activity.categories.personalData.length > 0,
    recipients: activity.recipients.length > 0,
    transfers: activity.transfers.trim() !== '',
    retention: activity.retention.length > 0 && activity.retention.every((r) => r.trim() !== ''),
    securityMeasures: activity.securityMeasures.length > 0 && activity.securityMeasures.every((m) => m.trim() !== ''),
  };
  return ARTICLE_30_1_ITEMS.filter((item) => !filled[item]);
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The readable document (Markdown): what a privacy officer hands to the supervisory authority. */
export function renderRegisterMarkdown(register: ProcessingRegister): string {
  const lines: string[] = [];
  const title = register.register === 'controller'
    ? `Register of processing activities — ${register.controller!.name} (controller, ${register.article})`
    : `Register of processing activities — ${register.processor!.name} (${register.article})`;
  lines.push(`# ${title}`, '');
  // The processor's register has no entries of a tenant's own: those belong to that tenant's register as controller.
  lines.push(register.register === 'controller'
    ? 'Generated from the personal-data declarations of the code and the entries the tenant added; do not edit by hand.'
    : 'Generated from the personal-data declarations of the code; do not edit by hand.', '');
  if (register.controller) lines.push(`**Controller:** ${describeParty(register.controller)}`, '');
  if (register.processor) lines.push(`**Processor:** ${describeParty(register.processor)}`, '');
  if (register.controllers) {
    lines.push('**Controllers on whose behalf the platform processes:**', '');
    for (const c of register.controllers) lines.push(`- ${describeParty(c)}`);
    if (register.controllers.length === 0) lines.push('- (no tenant yet)');
    lines.push('');
  }
  lines.push('## Sub-processors', '');
  if (register.subProcessors.length === 0) lines.push('None.', '');
  else {
    lines.push('| name | service | location | transfer safeguard | engaged by |', '|---|---|---|---|---|');
    for (const s of register.subProcessors) lines.push(`| ${escape(s.name)} | ${escape(s.service)} | ${s.location} | ${escape(s.transferSafeguard ?? '—')} | ${s.engagedBy} |`);
    lines.push('');
  }
  lines.push('## Activities', '');
  for (const a of register.activities) {
    lines.push(`### ${a.name}${a.source === 'tenant' ? ' (added by the tenant)' : ''}`, '');
    lines.push(`- **Controller:** ${a.controller}`);
    lines.push(`- **Purpose:** ${a.purpose}`);
    lines.push(`- **Legal basis:** ${a.legalBases.join(', ')}`);
    lines.push(`- **Data subjects:** ${a.categories.dataSubjects.join('; ')}`);
    lines.push(`- **Personal data:** ${a.categories.personalData.join(', ')}`);
    lines.push(`- **Recipients:** ${a.recipients.join('; ')}`);
    lines.push(`- **Transfers outside the EEA:** ${a.transfers}`);
    lines.push(`- **Retention:** ${a.retention.join('; ')}`);
    lines.push(`- **Security measures:** ${a.securityMeasures.join('; ')}`);
    if (a.fields) lines.push(`- **Held in:** ${a.fields.join(', ')}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
