// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { holdsRole, Role } from '@chancery/access';
import { Actor, RequestContext, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { reportFigure, TestApp, useTestApp } from '@chancery/testing';
import {
  accessRefusal,
  addTally,
  Answer,
  answerOf,
  buildWorld,
  expectedObject,
  judge,
  newTally,
  POLICY_TEST_APP_OPTIONS,
  selectionOf,
  storedObject,
  Tally,
  Viewer,
  World,
} from '@chancery/testing/policy/policy-world';
import { WebhookEvents } from '@chancery/webhooks';

/**
 * VERIFY T1 for webhook targets and their deliveries (#16 item 8, #17 item 5), on the world of
 * test/policy/field-matrix.e2e-spec.ts: every viewer lists the targets and reads the deliveries of
 * every target, selecting every field; the expectation of each field comes from the committed
 * docs/visibility-matrix.md; the listing is the caller's own targets only (a company's ERP for its
 * administrator, the tenant's own for the tenant administrator), anything else NOT_FOUND. The answers
 * of registerWebhook, rotateWebhookSecret, redeliverWebhook and deleteWebhook are judged for their caller.
 *
 * Prints `T1 webhooks: <N> cases, <leaks> leaks, <false denials> false denials`.
 */
interface TargetRecord {
  label: string;
  id: string;
  tenantId: string;
  organisationId: string | null;
}

describe('T1 field matrix: webhooks', () => {
  let app: TestApp;
  let world: World;
  const total = newTally();
  const targets: TargetRecord[] = [];
  const made: Array<{ label: string; viewer: Viewer; typeName: string; answer: Answer; stored: Record<string, unknown>; relation: Record<string, unknown> }> = [];

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  const gql = (query: string, variables: Record<string, unknown>, viewer: Viewer) => app.graphql<Record<string, unknown>>(query, variables, { token: viewer.token });
  const row = async (table: string, id: string) => (await world.owner.query(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0] as Record<string, unknown>;
  const storedTarget = async (id: string) => {
    const r = await row('webhook_subscription', id);
    return { stored: storedObject(world.schema, 'WebhookSubscription', r), relation: { tenantId: r.tenant_id, organisationId: r.organisation_id ?? undefined } };
  };
  const storedDelivery = (r: Record<string, unknown>) => ({ stored: storedObject(world.schema, 'WebhookDelivery', r), relation: { tenantId: r.tenant_id, organisationId: r.organisation_id ?? undefined } });
  /** The targets a viewer manages: its company's (company administrator) or its tenant's own (tenant administrator). */
  const manages = (actor: Actor, target: TargetRecord) =>
    actor.kind === 'user' && actor.tenantId === target.tenantId &&
    ((target.organisationId !== null && holdsRole(actor.roles, Role.ORG_ADMIN) && actor.organisationId === target.organisationId) ||
      (target.organisationId === null && holdsRole(actor.roles, Role.TENANT_ADMIN) && !actor.organisationId));

  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app, { apiKeys: false });
    // A tenant's own targets hear its datasheet feed: here the world's chambers are certification bodies too.
    await world.owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = ANY($1)`, [[world.tenants.A.id, world.tenants.B.id]]);
    const targetSel = selectionOf(world.schema, 'WebhookSubscription');
    const deliverySel = selectionOf(world.schema, 'WebhookDelivery');
    const owners = [['a1Admin', ['certificate.issued', 'certificate.revoked']], ['aTenantAdmin', ['datasheet.published']], ['b1Admin', ['certificate.issued']], ['bTenantAdmin', ['datasheet.published']]] as const;
    for (const [label, eventTypes] of owners) {
      const viewer = world.viewer(label);
      const response = await gql(`mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret webhook { ${targetSel} } } }`, { i: { url: `https://${label.toLowerCase()}.example.test/hooks`, eventTypes } }, viewer);
      const id = String(((response.data?.registerWebhook as { webhook: { id: string } }).webhook).id);
      const r = await row('webhook_subscription', id);
      targets.push({ label, id, tenantId: String(r.tenant_id), organisationId: (r.organisation_id as string | null) ?? null });
      made.push({ label: `registerWebhook by ${label}`, viewer, typeName: 'WebhookSubscription', answer: nested(answerOf(response, 'registerWebhook'), 'webhook'), ...(await storedTarget(id)) });
    }
    // Events of each owner, through the service the contexts call; one of them dead-lettered, one delivered.
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, async () => {
      for (const target of targets) {
        await app.get(TransactionRunner).asSystem(target.tenantId, () =>
          app.get(WebhookEvents).publish(target.organisationId
            ? { tenantId: target.tenantId, organisationId: target.organisationId, type: 'certificate.issued', subject: { certificateId: target.id } }
            : { tenantId: target.tenantId, type: 'datasheet.published', subject: { datasheetId: target.id, versionId: null, kind: 'PUBLISHED' } }),
        );
      }
    });
    // Fill every nullable field (as a worker would have), then the mutations that answer with records.
    await world.owner.query(`UPDATE webhook_delivery SET attempts = 3, last_status = 500, last_error = 'HTTP_500', dead_lettered_at = now()`);
    const a1 = world.viewer('a1Admin');
    const a1Target = targets.find((t) => t.label === 'a1Admin')!;
    const [a1Delivery] = (await world.owner.query(`SELECT id FROM webhook_delivery WHERE subscription_id = $1`, [a1Target.id])).rows as Array<{ id: string }>;
    const redelivered = await gql(`mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { ${deliverySel} } }`, { d: a1Delivery!.id }, a1);
    made.push({ label: 'redeliverWebhook by a1Admin', viewer: a1, typeName: 'WebhookDelivery', answer: answerOf(redelivered, 'redeliverWebhook'), ...storedDelivery(await row('webhook_delivery', a1Delivery!.id)) });
    await world.owner.query(`UPDATE webhook_delivery SET delivered_at = now(), last_status = 204, last_error = NULL WHERE id = $1`, [a1Delivery!.id]);
    for (const target of targets) {
      const viewer = world.viewer(target.label);
      const rotated = await gql(`mutation($w: ID!) { rotateWebhookSecret(webhookId: $w) { secret webhook { ${targetSel} } } }`, { w: target.id }, viewer);
      made.push({ label: `rotateWebhookSecret by ${target.label}`, viewer, typeName: 'WebhookSubscription', answer: nested(answerOf(rotated, 'rotateWebhookSecret'), 'webhook'), ...(await storedTarget(target.id)) });
    }
    // A target deleted: its answer is the target as it was.
    const extra = await gql(`mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { webhook { id } } }`, { i: { url: 'https://gone.example.test/hooks', eventTypes: ['datasheet.published'] } }, world.viewer('aTenantAdmin'));
    const extraId = String((extra.data?.registerWebhook as { webhook: { id: string } }).webhook.id);
    const before = await storedTarget(extraId);
    made.push({ label: 'deleteWebhook by aTenantAdmin', viewer: world.viewer('aTenantAdmin'), typeName: 'WebhookSubscription', answer: answerOf(await gql(`mutation($w: ID!) { deleteWebhook(webhookId: $w) { ${targetSel} } }`, { w: extraId }, world.viewer('aTenantAdmin')), 'deleteWebhook'), ...before });
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  function nested(answer: Answer, field: string): Answer {
    return 'data' in answer ? { data: answer.data[field] as Record<string, unknown> } : answer;
  }

  function settle(part: Tally): void {
    addTally(total, part);
    expect(part.mismatches.map((m) => ({ case: m.label, answer: m.actual }))).toEqual(part.mismatches.map((m) => ({ case: m.label, answer: m.expected })));
  }

  it('the records the mutations answered with, for their callers', () => {
    const part = newTally();
    for (const m of made) {
      judge(part, world.schema, m.typeName, m.label, { data: expectedObject(world, m.typeName, m.viewer.actor, m.relation, m.stored) }, m.answer);
    }
    settle(part);
  });

  it('webhooks: each viewer lists exactly the targets it manages, each with its fields', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'WebhookSubscription');
    for (const viewer of world.viewers) {
      const response = await gql(`{ webhooks { ${selection} } }`, {}, viewer);
      const refusal = accessRefusal('webhooks', viewer.actor);
      if (refusal) {
        judge(part, world.schema, 'WebhookSubscription', `webhooks as ${viewer.label}`, { error: refusal }, answerOf(response, 'webhooks'));
        continue;
      }
      const listed = new Map(((response.data?.webhooks ?? []) as Array<Record<string, unknown>>).map((t) => [String(t.id), t]));
      for (const target of targets) {
        const { stored, relation } = await storedTarget(target.id);
        const expected: Answer = manages(viewer.actor, target) ? { data: expectedObject(world, 'WebhookSubscription', viewer.actor, relation, stored) } : { error: 'NULL' };
        judge(part, world.schema, 'WebhookSubscription', `webhooks[${target.label}] as ${viewer.label}`, expected, listed.has(target.id) ? { data: listed.get(target.id)! } : { error: 'NULL' });
        listed.delete(target.id);
      }
      expect({ viewer: viewer.label, unexpected: [...listed.keys()] }).toEqual({ viewer: viewer.label, unexpected: [] });
    }
    settle(part);
  });

  it('webhookDeliveries(webhookId): every viewer × every target × every field', async () => {
    const part = newTally();
    const selection = selectionOf(world.schema, 'WebhookDelivery');
    for (const viewer of world.viewers) {
      for (const target of targets) {
        const response = await gql(`query($w: ID!) { webhookDeliveries(webhookId: $w) { ${selection} } }`, { w: target.id }, viewer);
        const refusal = accessRefusal('webhookDeliveries', viewer.actor);
        const label = `webhookDeliveries(${target.label}) as ${viewer.label}`;
        if (refusal || !manages(viewer.actor, target)) {
          judge(part, world.schema, 'WebhookDelivery', label, { error: refusal ?? 'NOT_FOUND' }, answerOf(response, 'webhookDeliveries'));
          continue;
        }
        const rows = (await world.owner.query(`SELECT * FROM webhook_delivery WHERE subscription_id = $1`, [target.id])).rows as Array<Record<string, unknown>>;
        const listed = (response.data?.webhookDeliveries ?? []) as Array<Record<string, unknown>>;
        expect({ label, count: listed.length }).toEqual({ label, count: rows.length });
        for (const r of rows) {
          const { stored, relation } = storedDelivery(r);
          const got = listed.find((d) => d.id === r.id);
          judge(part, world.schema, 'WebhookDelivery', `${label}[${String(r.id).slice(0, 8)}]`, { data: expectedObject(world, 'WebhookDelivery', viewer.actor, relation, stored) }, got ? { data: got } : { error: 'NULL' });
        }
      }
    }
    settle(part);
  });

  afterAll(() => {
    reportFigure(`T1 webhooks: ${total.cases} cases, ${total.leaks} leaks, ${total.falseDenials} false denials`);
    if (total.problems.length) process.stdout.write(`\nT1 webhooks problems (${total.problems.length}):\n${total.problems.slice(0, 60).join('\n')}\n`);
    expect(total.cases).toBeGreaterThan(300);
    expect({ leaks: total.leaks, falseDenials: total.falseDenials, wrongValues: total.wrongValues }).toEqual({ leaks: 0, falseDenials: 0, wrongValues: 0 });
  });
});
