import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@chancery/core';
import { DatasheetsErrors } from '../datasheets.errors';
import { DatasheetChangeKind } from '../entities/internal.entities';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { DatasheetLedgerRepository } from '../repositories/datasheet-ledger.repository';
import { PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';
import { MAX_PAGE_SIZE } from './public-datasheets.service';

export interface FeedEvent {
  seq: string;
  kind: DatasheetChangeKind;
  datasheetId: string;
  versionId: string | null;
  occurredAt: Date;
  /** The datasheet as it is published now; null once it is not published (the copy out there is removed). */
  datasheet: PublishedDatasheet | null;
  /** Not published now because it was withdrawn: when and why (what the copy out there shows instead). */
  withdrawal: WithdrawnDatasheet | null;
}

/**
 * The pull feed of the external central system (COPRO §5b): the tenant's changes in order, each with the
 * datasheet's current public state. The log keeps ids only, so a contact removed on objection is gone
 * from every replay too (GDPR Art. 19): replaying from cursor 0 rebuilds exactly what is published now.
 */
@Injectable()
export class DatasheetFeedService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly ledger: DatasheetLedgerRepository,
    private readonly published: PublishedDatasheetRepository,
  ) {}

  async changes(after: string | null | undefined, first: number | undefined): Promise<{ events: FeedEvent[]; nextCursor: string }> {
    const limit = first ?? MAX_PAGE_SIZE;
    if (limit > MAX_PAGE_SIZE) throw DatasheetsErrors.DATASHEET_PAGE_TOO_LARGE(`at most ${MAX_PAGE_SIZE} per page`, { field: 'first' });
    const cursor = after ?? '0';
    if (!/^\d{1,18}$/.test(cursor)) throw DatasheetsErrors.DATASHEET_CURSOR_INVALID('is not a cursor this feed gave', { field: 'after' });
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) return { events: [], nextCursor: cursor };
    return this.transactions.run(async () => {
      const changes = await this.ledger.changesAfter(tenantId, cursor, limit);
      const ids = [...new Set(changes.map((c) => c.datasheetId))];
      const current = new Map((await this.published.findByIds(ids)).map((d) => [d.id, d]));
      // A second statement only on a page naming a datasheet that is not published now.
      const unpublished = ids.filter((id) => !current.has(id));
      const withdrawn = new Map(unpublished.length ? (await this.published.findWithdrawalsByIds(unpublished)).map((w) => [w.id, w]) : []);
      const events = changes.map((c) => ({ ...c, datasheet: current.get(c.datasheetId) ?? null, withdrawal: withdrawn.get(c.datasheetId) ?? null }));
      return { events, nextCursor: changes.length ? changes[changes.length - 1]!.seq : cursor };
    });
  }
}
