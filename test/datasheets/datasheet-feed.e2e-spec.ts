import { Role } from '@chancery/access';
import { DatasheetsFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * The pull feed of the external central system (COPRO §5b): a consumer that replays the tenant's
 * changes from cursor 0, keeping each event's datasheet (or dropping it when the event carries none),
 * ends with exactly what is published now — new versions, unpublications and a contact's objection
 * included — and sees no other tenant's datasheets.
 */
const FIELDS = 'id versionId versionNumber publicCode productName holderName contactKind contactName contactEmail contactPhone contactReplacementRequired publishedAt';

describe('datasheet feed', () => {
  const started = useTestApp();

  it('replaying from cursor 0 reconstructs exactly the published state, for the tenant’s feed key only', async () => {
    const { app, factory } = started;
    const sheets = new DatasheetsFactory(app, factory);
    const body = await sheets.certificationBody();
    const other = await sheets.certificationBody();
    const holder = await sheets.holder(body);
    const contact = await sheets.orgUser(body, holder.organisation, Role.ORG_MEMBER);
    const published = [];
    for (let i = 0; i < 4; i += 1) published.push(await sheets.published(body, i === 3 ? { ...holder, admin: contact.user, adminToken: contact.token } : holder));
    await sheets.published(other, await sheets.holder(other));
    // A new version of the first, the second unpublished, the fourth's contact objects.
    const v2 = expectData(await app.graphql<{ startDatasheetVersion: { id: string } }>('mutation($d: ID!) { startDatasheetVersion(datasheetId: $d) { id } }', { d: published[0]!.datasheetId }, { token: holder.adminToken })).startDatasheetVersion;
    await sheets.publish(body, holder.adminToken, v2.id);
    expectData(await app.graphql('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: published[1]!.datasheetId }, { token: body.clerkToken }));
    expectData(await app.graphql('mutation { objectToContactDisclosure { datasheetsAffected } }', {}, { token: contact.token }));

    const key = (await factory.apiKey({ tenant: body.tenant, createdBy: body.admin })).secret;
    const replica = new Map<string, Record<string, unknown>>();
    const kinds: string[] = [];
    const withdrawals = new Map<string, string>();
    let after = '0';
    for (;;) {
      const page = expectData(
        await app.graphql<{ datasheetFeed: { events: Array<{ kind: string; datasheetId: string; datasheet: Record<string, unknown> | null; withdrawal: Record<string, unknown> | null }>; nextCursor: string } }>(
          `query($a: String) { datasheetFeed(after: $a, first: 2) { events { seq kind datasheetId datasheet { ${FIELDS} } withdrawal { id withdrawnAt reason } } nextCursor } }`, { a: after }, { headers: { 'x-api-key': key } },
        ),
      ).datasheetFeed;
      for (const event of page.events) {
        kinds.push(event.kind);
        // A datasheet not published now says why when it was withdrawn (what the copy out there shows instead).
        if (event.withdrawal) withdrawals.set(event.datasheetId, event.withdrawal.reason as string);
        if (event.datasheet) replica.set(event.datasheetId, event.datasheet);
        else replica.delete(event.datasheetId);
      }
      if (page.nextCursor === after) break;
      after = page.nextCursor;
    }
    expect(kinds).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'SUPERSEDED', 'PUBLISHED', 'UNPUBLISHED', 'CONTACT_CHANGED']);
    const now = expectData(await app.graphql<{ searchPublishedDatasheets: { items: Array<Record<string, unknown>> } }>(`query($t: String) { searchPublishedDatasheets(tenant: $t) { items { ${FIELDS} } } }`, { t: body.tenant.slug })).searchPublishedDatasheets.items;
    expect(new Map(now.map((d) => [d.id as string, d]))).toEqual(replica);
    expect(replica.size).toBe(3);
    expect(withdrawals).toEqual(new Map([[published[1]!.datasheetId, 'DATASHEET_WITHDRAWN']]));

    // Not a feed key, not this tenant's feed.
    expect((await app.graphql('{ datasheetFeed { nextCursor } }', {}, { token: holder.adminToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherKey = (await factory.apiKey({ tenant: other.tenant, createdBy: other.admin })).secret;
    const foreign = expectData(await app.graphql<{ datasheetFeed: { events: Array<{ datasheetId: string }> } }>('{ datasheetFeed { events { datasheetId } } }', {}, { headers: { 'x-api-key': otherKey } })).datasheetFeed.events;
    expect(foreign).toHaveLength(1);
    expect(foreign.some((e) => replica.has(e.datasheetId))).toBe(false);
  });
});
