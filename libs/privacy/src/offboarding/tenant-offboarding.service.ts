import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TENANT_STAFF_ROLES } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { DocumentsService, StoredDocument } from '@chancery/documents';
import { AppConfig, canonicalJson, Clock, columnsOfEntity, EntityTables, personIdOf, RequestContext, sqlStateOf, TransactionRunner, verifyWithKeySet } from '@chancery/core';
import { TenantDirectoryService } from '@chancery/identity';
import { Mailer } from '@chancery/notifications';
import { EntityClass, getPolicy, present } from '@chancery/policy';
import { TENANT_DESTROYED, TENANT_OFFBOARDING_DECLINED, TENANT_OFFBOARDING_REQUESTED, TENANT_OFFBOARDING_WITHDRAWN } from '../shared/privacy-office.emails';
import { tenantOfActor } from '../shared/acting-tenant';
import { TenantOffboardingErrors } from './tenant-offboarding.errors';
import { TableRowCount, TenantArchive, TenantDestructionCertificate, TenantOffboarding, TenantOffboardingParty, TenantOffboardingStatus } from './tenant-offboarding.entity';
import { TenantOffboardingRepository } from './tenant-offboarding.repository';
import { PersonalDataHolders } from '../holders/personal-data-holders';
import { AttestationKeys } from '../attestation/attestation-keys.service';

/** Between the administrator's confirmation and the destruction: time to take the archive and change one's mind. */
export const OFFBOARDING_WAITING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const FOREIGN_KEY_VIOLATION = '23503';
const NOT_DUE = 'CTD01';


/**
 * Offboarding (COVER's "fate of data"; issue 18 item 10). Two steps by two parties: the operator files
 * it, the tenant's administrator confirms (step-up). The administrator then takes the archive: every
 * record of every table of the tenant, through the output gate with the `export` purpose, as the
 * administrator may see it (internal fields, secrets and hashes stay out). After the waiting period the
 * operator destroys: the database deletes every row of the tenant in every table, checking itself that
 * the offboarding is confirmed, exported and due. A destruction certificate (counts per table, times,
 * the archive's hash, and a hash over all of it) is kept at platform level and in the platform's audit chain.
 */
@Injectable()
export class TenantOffboardingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly offboardings: TenantOffboardingRepository,
    private readonly tenants: TenantDirectoryService,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly entityTables: EntityTables,
    private readonly documents: DocumentsService,
    private readonly attestation: AttestationKeys,
    private readonly holders: PersonalDataHolders,
    private readonly config: AppConfig,
  ) {}

  /** Step one, the operator: files the tenant's departure; the tenant's privacy contact is told in the same transaction. */
  async request(tenantId: string): Promise<TenantOffboarding> {
    const operatorId = personIdOf(this.context.actor);
    try {
      return await this.transactions.run(async () => {
        const filed = await this.offboardings.insertRequest(tenantId.toLowerCase(), operatorId, this.clock.now());
        if (!filed) throw TenantOffboardingErrors.OFFBOARDING_ALREADY_FILED('The tenant is already leaving', { field: 'tenantId' });
        await this.audit.record({ action: 'privacy.offboarding.requested', subjectType: 'TenantOffboarding', subjectId: filed.id, details: { tenantId: filed.tenantId } });
        const [tenant] = await this.tenants.findByIds([filed.tenantId]);
        if (tenant) {
          await this.mailer.queue(TENANT_OFFBOARDING_REQUESTED, {
            tenantId: null, to: tenant.privacyContactEmail, language: tenant.languages[0] ?? 'en', values: { waitingDays: OFFBOARDING_WAITING_DAYS },
          });
        }
        return withHash(filed);
      });
    } catch (error) {
      if (sqlStateOf(error) === FOREIGN_KEY_VIOLATION) throw TenantOffboardingErrors.OFFBOARDING_TENANT_NOT_FOUND('No such tenant', { field: 'tenantId' });
      throw error;
    }
  }

  /** Step two, the tenant's administrator: confirms; the waiting period starts. */
  async confirm(offboardingId: string): Promise<TenantOffboarding> {
    const tenantId = tenantOfActor(this.context.actor);
    const adminId = personIdOf(this.context.actor);
    const at = this.clock.now();
    return this.transactions.run(async () => {
      const pending = await this.lockOpen(offboardingId, tenantId);
      if (pending.status !== TenantOffboardingStatus.REQUESTED) throw TenantOffboardingErrors.OFFBOARDING_NOT_PENDING('Already confirmed', { details: { offboardingId } });
      const confirmed = await this.offboardings.confirm(tenantId, offboardingId.toLowerCase(), adminId, at, new Date(at.getTime() + OFFBOARDING_WAITING_DAYS * DAY_MS));
      if (!confirmed) throw TenantOffboardingErrors.OFFBOARDING_NOT_PENDING('Already confirmed', { details: { offboardingId } });
      await this.audit.record({ action: 'privacy.offboarding.confirmed', subjectType: 'TenantOffboarding', subjectId: confirmed.id, details: { waitingDays: OFFBOARDING_WAITING_DAYS } });
      return withHash(confirmed);
    });
  }

  /**
   * The operator withdraws a filed or confirmed departure before the destruction (filed for the wrong
   * tenant, a contract renewed during the wait). Kept as WITHDRAWN with who, when and why; audited in
   * the platform's chain, as the filing is (the operator acts in its own scope); the tenant is told at
   * its privacy contact in the same transaction, as for the filing.
   */
  async withdraw(offboardingId: string, reason: string): Promise<TenantOffboarding> {
    const operatorId = personIdOf(this.context.actor);
    const at = this.clock.now();
    return this.transactions.run(async () => {
      const open = await this.lockOpen(offboardingId, null);
      const withdrawn = await this.offboardings.withdraw(open.id, operatorId, TenantOffboardingParty.OPERATOR, reason.trim(), at);
      if (!withdrawn) throw withdrawnError(open.id);
      await this.audit.record({
        action: 'privacy.offboarding.withdrawn', subjectType: 'TenantOffboarding', subjectId: withdrawn.id, details: { tenantId: withdrawn.tenantId, previousStatus: open.status },
      });
      const [tenant] = await this.tenants.findByIds([withdrawn.tenantId]);
      if (tenant) {
        await this.mailer.queue(TENANT_OFFBOARDING_WITHDRAWN, {
          tenantId: null, to: tenant.privacyContactEmail, language: tenant.languages[0] ?? 'en', values: { reason: withdrawn.withdrawalReason! },
        });
      }
      return withHash(withdrawn);
    });
  }

  /**
   * The tenant's administrator declines a filed departure, or revokes its confirmation while the wait
   * runs (after it, only the operator can withdraw). Audited in the tenant's chain; the operator is told
   * at its contact address in the same transaction.
   */
  async decline(offboardingId: string, reason: string): Promise<TenantOffboarding> {
    const tenantId = tenantOfActor(this.context.actor);
    const adminId = personIdOf(this.context.actor);
    const at = this.clock.now();
    return this.transactions.run(async () => {
      const open = await this.lockOpen(offboardingId, tenantId);
      const revoked = open.status === TenantOffboardingStatus.CONFIRMED;
      if (revoked && open.destroyNotBefore && open.destroyNotBefore.getTime() <= at.getTime()) {
        throw TenantOffboardingErrors.OFFBOARDING_WAIT_OVER('The waiting period is over', { details: { offboardingId: open.id } });
      }
      const withdrawn = await this.offboardings.withdraw(open.id, adminId, TenantOffboardingParty.TENANT, reason.trim(), at);
      if (!withdrawn) throw withdrawnError(open.id);
      await this.audit.record({
        action: revoked ? 'privacy.offboarding.revoked' : 'privacy.offboarding.declined', subjectType: 'TenantOffboarding', subjectId: withdrawn.id, details: { previousStatus: open.status },
      });
      const [tenant] = await this.tenants.findByIds([withdrawn.tenantId]);
      await this.mailer.queue(TENANT_OFFBOARDING_DECLINED, {
        tenantId, to: this.config.OPERATOR_CONTACT_EMAIL, language: 'en',
        values: { tenantName: tenant?.name ?? withdrawn.tenantId, tenantSlug: tenant?.slug ?? '', revoked, reason: withdrawn.withdrawalReason! },
      });
      return withHash(withdrawn);
    });
  }

  /** The tenant's offboarding for its administrators; every tenant's for the operator. */
  async list(): Promise<TenantOffboarding[]> {
    return (await this.transactions.run(() => this.offboardings.listVisible())).map(withHash);
  }

  /**
   * The archive returned to the tenant (confirmed offboardings only): every row of every table of the
   * tenant, as an instance of its entity, through the gate with the `export` purpose, seen as the
   * tenant's staff together may see it (the administrator holding every staff role). Rows of tables without a declared entity are counted, not handed out.
   * Its SHA-256 is recorded: the destruction certificate names the archive the tenant received.
   */
  async exportArchive(offboardingId: string): Promise<TenantArchive> {
    const actor = this.context.actor;
    const tenantId = tenantOfActor(actor);
    // The controller gets back what its staff together may see: every staff role, in its own tenant.
    const viewer = { ...actor, roles: [...new Set([...actor.roles, ...TENANT_STAFF_ROLES])] };
    const at = this.clock.now();
    return this.transactions.run(async () => {
      const offboarding = await this.lockOpen(offboardingId, tenantId);
      if (offboarding.status !== TenantOffboardingStatus.CONFIRMED) {
        throw TenantOffboardingErrors.OFFBOARDING_NOT_CONFIRMED('The administrator confirms the departure first', { details: { offboardingId } });
      }
      const tables: Record<string, { entity: string | null; records: unknown[]; withheld: number }> = {};
      // Tables a context reads with its own SQL (the audit trail): its holder says what a row stands for.
      const archivedTables = new Map(this.holders.all().flatMap((holder) => Object.entries(holder.archivedTables ?? {})));
      let records = 0;
      let withheld = 0;
      for (const { table, row } of await this.offboardings.archiveRows()) {
        const entry = (tables[table] ??= { entity: null, records: [], withheld: 0 });
        const cls = this.entityTables.entityOf(table) as EntityClass | undefined;
        const record = cls ? recordOf(cls, row) : archivedTables.get(table)?.(row);
        const policy = record && getPolicy(record.constructor as EntityClass);
        if (!record || !policy) {
          entry.withheld += 1;
          withheld += 1;
          continue;
        }
        entry.entity = policy.name;
        const presented = present(viewer, record, 'export');
        if (presented === null) {
          entry.withheld += 1;
          withheld += 1;
          continue;
        }
        entry.records.push(presented);
        records += 1;
      }
      // The stored files (supporting documents, PDFs, attachments) are not rows: each is listed with
      // its checksum and where its administrator fetches the bytes until the destruction.
      const documents = Object.values(tables)
        .filter((entry) => entry.entity === getPolicy(StoredDocument)?.name)
        .flatMap((entry) => entry.records as Array<Pick<StoredDocument, 'id' | 'fileName' | 'mediaType' | 'sizeBytes' | 'sha256'>>)
        .map((d) => ({ id: d.id, fileName: d.fileName, mediaType: d.mediaType, sizeBytes: d.sizeBytes, sha256: d.sha256, download: archivedDocumentPath(offboarding.id, d.id) }));
      const json = JSON.stringify({ format: 'chancery.tenant-archive/1', tenantId, offboardingId: offboarding.id, exportedAt: at.toISOString(), records, withheld, tables, documents });
      const sha256 = createHash('sha256').update(json).digest();
      await this.offboardings.recordExport(tenantId, offboarding.id, sha256, at, records);
      await this.audit.record({ action: 'privacy.offboarding.exported', subjectType: 'TenantOffboarding', subjectId: offboarding.id, details: { records, withheld } });
      return Object.assign(new TenantArchive(), { offboardingId: offboarding.id, records, withheld, sha256: sha256.toString('hex'), json });
    });
  }

  /**
   * A stored file of the archive (its bytes, checksum checked by the documents context): for the
   * departing tenant's administrator, between the confirmation and the destruction; each fetch audited.
   */
  async archivedDocument(offboardingId: string, documentId: string): Promise<{ document: StoredDocument; bytes: Buffer }> {
    const tenantId = tenantOfActor(this.context.actor);
    const { offboarding, stored } = await this.transactions.run(async () => {
      const offboarding = await this.load(offboardingId, tenantId);
      if (offboarding.status === TenantOffboardingStatus.WITHDRAWN) throw withdrawnError(offboarding.id);
      if (offboarding.status !== TenantOffboardingStatus.CONFIRMED) {
        throw TenantOffboardingErrors.OFFBOARDING_NOT_CONFIRMED('The administrator confirms the departure first', { details: { offboardingId } });
      }
      return { offboarding, stored: await this.documents.read(documentId) };
    });
    // A GET reads in the request's read-only unit; the audit entry is written in a unit of its own, before the bytes leave.
    await this.transactions.runSeparately(() =>
      this.audit.record({ action: 'privacy.offboarding.documentFetched', subjectType: 'StoredDocument', subjectId: stored.document.id, details: { offboardingId: offboarding.id } }),
    );
    return stored;
  }

  /** The operator, after the waiting period: every row of the tenant deleted; the certificate written. */
  async destroy(offboardingId: string): Promise<TenantDestructionCertificate> {
    const operatorId = personIdOf(this.context.actor);
    const at = this.clock.now();
    try {
      return await this.transactions.run(async () => {
        // Locked first: a concurrent destruction waits here, then finds the row gone with its tenant (NOT_FOUND).
        const offboarding = await this.lockOpen(offboardingId, null);
        const [tenant] = await this.tenants.findByIds([offboarding.tenantId]);
        // The stored files kept outside the database (S3 objects) go too, each deleted before the unit commits.
        const objects = await this.offboardings.departingTenantObjects(offboarding.id, at);
        // The tenant kept working during the wait: what it did after the archive would be destroyed unseen (review F1).
        const { changes, lastChange } = await this.offboardings.changesAfterExport(offboarding.id);
        if (changes > 0) {
          throw TenantOffboardingErrors.ARCHIVE_STALE('The tenant changed after its archive was taken: its administrator takes it again', {
            details: { offboardingId, changes, lastChange: lastChange!.toISOString() },
          });
        }
        const deleted = await this.offboardings.destroyTenant(offboarding.id, at);
        const objectsDeleted = await this.documents.deleteExternalObjects(offboarding.tenantId, objects);
        const fields = {
          departedTenantId: offboarding.tenantId, tenantSlug: tenant!.slug, tenantName: tenant!.name, requestedAt: offboarding.requestedAt, confirmedAt: offboarding.confirmedAt!,
          exportSha256: offboarding.exportSha256!, exportedAt: offboarding.exportedAt!, exportedRecords: offboarding.exportedRecords!, destroyedAt: at, destroyedBy: operatorId,
          deletedRows: Object.fromEntries(deleted.map((d) => [d.table, d.deleted])),
        };
        const content = certificateContent(fields);
        // Another SECRETS_KEY than the one that sealed the key: nothing can be signed, and nothing is destroyed (the transaction rolls back).
        const key = await this.attestation.signer();
        const signature = key.sign(content);
        const certificate = await this.offboardings.insertCertificate({ ...fields, certificateSha256: sha256Of(content), signingKeyId: key.keyId, signature });
        // The controller gets the signed certificate at its privacy contact: it has no account left to read it with.
        await this.mailer.queue(TENANT_DESTROYED, {
          tenantId: null, to: tenant!.privacyContactEmail, language: tenant!.languages[0] ?? 'en',
          values: { tenantName: tenant!.name, destroyedAt: at.toISOString(), keyId: key.keyId, signature, content },
        });
        await this.audit.record({
          action: 'privacy.offboarding.destroyed', subjectType: 'TenantDestructionCertificate', subjectId: certificate.id,
          details: { tenantId: offboarding.tenantId, rows: deleted.reduce((n, d) => n + d.deleted, 0), objects: objectsDeleted, certificateSha256: certificate.certificateSha256.toString('hex') },
        });
        return forOutput(certificate, new Map([[key.keyId, key.publicKey]]));
      });
    } catch (error) {
      if (sqlStateOf(error) === NOT_DUE) {
        throw TenantOffboardingErrors.DESTRUCTION_NOT_DUE('Not before the administrator confirmed, the archive was taken and the waiting period passed', { details: { offboardingId } });
      }
      throw error;
    }
  }

  /** The platform's certificates, each checked against its hash and signature. */
  async certificates(): Promise<TenantDestructionCertificate[]> {
    const keys = await this.attestation.publicKeyMap();
    return (await this.transactions.run(() => this.offboardings.listCertificates())).map((c) => forOutput(c, keys));
  }

  /**
   * The offboarding locked for the rest of the transaction (see `lockById`), and still open: a withdrawn
   * one answers OFFBOARDING_WITHDRAWN, a destroyed one (its row gone with its tenant) or another
   * tenant's NOT_FOUND. Every change of a departure starts here, so races end in one of these refusals.
   */
  private async lockOpen(offboardingId: string, tenantId: string | null): Promise<TenantOffboarding> {
    const found = await this.offboardings.lockById(offboardingId.toLowerCase());
    if (!found || (tenantId !== null && found.tenantId !== tenantId)) {
      throw TenantOffboardingErrors.OFFBOARDING_NOT_FOUND('No such offboarding', { field: 'offboardingId' });
    }
    if (found.status === TenantOffboardingStatus.WITHDRAWN) throw withdrawnError(found.id);
    return found;
  }

  /** In the tenant's scope (`tenantId`) or, for the operator, the platform's; a row of another tenant answers NOT_FOUND. */
  private async load(offboardingId: string, tenantId: string | null): Promise<TenantOffboarding> {
    const found = await this.offboardings.findById(offboardingId.toLowerCase());
    if (!found || (tenantId !== null && found.tenantId !== tenantId)) {
      throw TenantOffboardingErrors.OFFBOARDING_NOT_FOUND('No such offboarding', { field: 'offboardingId' });
    }
    return found;
  }
}

/** Where the archive's administrator fetches a stored file's bytes (TenantArchiveController). */
export function archivedDocumentPath(offboardingId: string, documentId: string): string {
  return `/tenant-offboardings/${offboardingId}/documents/${documentId}`;
}

/** A row of `app_tenant_archive_rows` (column names) as an instance of its entity (property names). JSON values travel as their text. */
function recordOf(cls: EntityClass, row: Record<string, unknown>): object {
  const record = Object.create(cls.prototype as object) as Record<string, unknown>;
  for (const { property, column } of columnsOfEntity(cls)) {
    const value = row[column];
    record[property] = value !== null && typeof value === 'object' && !(Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) ? JSON.stringify(value) : value;
  }
  return record;
}

type CertificateFields = Omit<TenantDestructionCertificate, 'id' | 'certificateSha256' | 'exportHash' | 'certificateHash' | 'rowsDeleted' | 'totalRowsDeleted' | 'intact' | 'signedContent' | 'signingKeyId' | 'signature'>;

/** The canonical JSON of every field but the id, the hash and the signature: what the hash and the signature cover. */
export function certificateContent(c: CertificateFields): string {
  return canonicalJson({
    departedTenantId: c.departedTenantId, tenantSlug: c.tenantSlug, tenantName: c.tenantName, requestedAt: new Date(c.requestedAt).toISOString(),
    confirmedAt: new Date(c.confirmedAt).toISOString(), exportSha256: Buffer.from(c.exportSha256).toString('hex'), exportedAt: new Date(c.exportedAt).toISOString(),
    exportedRecords: c.exportedRecords, destroyedAt: new Date(c.destroyedAt).toISOString(), destroyedBy: c.destroyedBy, deletedRows: c.deletedRows,
  });
}

function sha256Of(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function withdrawnError(offboardingId: string) {
  return TenantOffboardingErrors.OFFBOARDING_WITHDRAWN('The departure was withdrawn', { details: { offboardingId } });
}

function withHash(offboarding: TenantOffboarding): TenantOffboarding {
  offboarding.exportHash = offboarding.exportSha256 ? offboarding.exportSha256.toString('hex') : null;
  return offboarding;
}

/**
 * Output forms; `intact`: the hash matches the fields recomputed now and the signature verifies with its
 * key (a certificate without one was written before the platform signed them: the database refuses a
 * new one unsigned, and refuses stripping one's signature).
 */
function forOutput(certificate: TenantDestructionCertificate, publicKeys: ReadonlyMap<string, string>): TenantDestructionCertificate {
  certificate.exportHash = certificate.exportSha256.toString('hex');
  certificate.certificateHash = certificate.certificateSha256.toString('hex');
  certificate.rowsDeleted = Object.entries(certificate.deletedRows)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, rows]) => Object.assign(new TableRowCount(), { table, rows }));
  certificate.totalRowsDeleted = certificate.rowsDeleted.reduce((n, r) => n + r.rows, 0);
  certificate.signedContent = certificateContent(certificate);
  const signed = certificate.signature === null || certificate.signature === undefined
    ? certificate.signingKeyId === null
    : verifyWithKeySet(publicKeys, certificate.signingKeyId, certificate.signedContent, certificate.signature);
  certificate.intact = sha256Of(certificate.signedContent).equals(certificate.certificateSha256) && signed;
  return certificate;
}
