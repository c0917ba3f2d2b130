import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { WebhooksQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import type { Messages } from '../../i18n/locales/en';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { SecretOncePanel } from '../../ui/SecretOncePanel';
import { useAction, useLoad } from '../../ui/use-api';

const Webhooks = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      eventTypes
      createdAt
      secretRotatedAt
    }
    webhookEventTypes
  }
`);

const WebhookDeliveries = graphql(`
  query WebhookDeliveries($webhookId: ID!, $deadLettersOnly: Boolean) {
    webhookDeliveries(webhookId: $webhookId, deadLettersOnly: $deadLettersOnly) {
      id
      eventType
      occurredAt
      attempts
      lastStatus
      lastError
      nextAttemptAt
      deliveredAt
      deadLetteredAt
    }
  }
`);

const RegisterWebhook = graphql(`
  mutation RegisterWebhook($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($webhookId: ID!) {
    rotateWebhookSecret(webhookId: $webhookId) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation DeleteWebhook($webhookId: ID!) {
    deleteWebhook(webhookId: $webhookId) {
      id
    }
  }
`);

const RedeliverWebhook = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      attempts
      nextAttemptAt
      deadLetteredAt
    }
  }
`);

type Webhook = WebhooksQuery['webhooks'][number];

/**
 * An event the portal can describe: one its messages name (webhooks.eventTypes; test/webhooks/portal-event-types
 * keeps them equal to libs/webhooks' WEBHOOK_EVENT_TYPES). The API says which of them the caller is offered.
 */
type WebhookEvent = keyof Messages['webhooks']['eventTypes'];

/** Webhook targets: the company's ERP (organisation admin) or the tenant's datasheet system (tenant admin). */
export default function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const staff = hasAnyRole(me?.roles, ['TENANT_ADMIN']) && !me?.organisationId;
  const webhooks = useLoad(() => request(Webhooks));
  // What this company or tenant can hear follows the kinds of the tenant's space (a chamber's certificates, a certification body's datasheets).
  const events = (webhooks.data?.webhookEventTypes ?? []).filter((type): type is WebhookEvent => i18n.exists(`webhooks.eventTypes.${type}`));
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEvent[]>([]);
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const register = useAction(async () => {
    const problems = [];
    if (!url.trim()) problems.push({ field: 'url', reason: 'required', constraint: 'required' });
    if (eventTypes.length === 0) problems.push({ field: 'eventTypes', reason: 'required', constraint: 'required' });
    if (problems.length) throw clientError(problems);
    const data = await request(RegisterWebhook, { input: { url: url.trim(), eventTypes } });
    setSecret({ url: data.registerWebhook.webhook.url ?? url.trim(), secret: data.registerWebhook.secret, rotated: false });
    setUrl('');
    setEventTypes([]);
    setNotice(null);
    webhooks.reload();
  });
  const rotate = useAction(async () => {
    if (!rotating?.id) return;
    const target = rotating;
    const data = await request(RotateWebhookSecret, { webhookId: target.id ?? '' });
    setRotating(null);
    setSecret({ url: data.rotateWebhookSecret.webhook.url ?? target.url ?? '', secret: data.rotateWebhookSecret.secret, rotated: true });
    setNotice(null);
    webhooks.reload();
  });
  const remove = useAction(async () => {
    if (!deleting?.id) return;
    const target = deleting;
    await request(DeleteWebhook, { webhookId: target.id ?? '' });
    setDeleting(null);
    if (viewing?.id === target.id) setViewing(null);
    setNotice(t('webhooks.deleted', { url: target.url ?? '' }));
    webhooks.reload();
  });

  return (
    <>
      <PageTitle lead={staff ? t('webhooks.leadTenant') : t('webhooks.leadCompany')}>{t('webhooks.title')}</PageTitle>
      {secret ? (
        <SecretOncePanel
          id="webhook-secret"
          title={secret.rotated ? t('webhooks.rotatedTitle', { url: secret.url }) : t('webhooks.createdTitle', { url: secret.url })}
          warning={t('webhooks.onceWarning')}
          label={t('webhooks.secret')}
          usage={t('webhooks.usage')}
          secret={secret.secret}
          copyLabel={t('webhooks.copy')}
          storedLabel={t('webhooks.stored')}
          onStored={() => setSecret(null)}
        />
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {webhooks.loading && !webhooks.data ? <Loading /> : null}
      {webhooks.error ? <LoadError error={webhooks.error} onRetry={webhooks.reload} /> : null}
      {webhooks.data && webhooks.data.webhooks.length === 0 ? <p>{t('webhooks.none')}</p> : null}
      {webhooks.data && webhooks.data.webhooks.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('webhooks.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('webhooks.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.events')}</th>
                <th scope="col">{t('webhooks.created')}</th>
                <th scope="col">{t('webhooks.secretRotated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.data.webhooks.map((webhook) => (
                <tr key={webhook.id ?? ''}>
                  <th scope="row" className="break-anywhere">
                    {webhook.url}
                  </th>
                  <td>
                    <ul className="plain-list">
                      {(webhook.eventTypes ?? []).map((type) => (
                        <li key={type}>
                          <code>{type}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{format.dateTime(webhook.createdAt)}</td>
                  <td>{webhook.secretRotatedAt ? format.dateTime(webhook.secretRotatedAt) : t('common.never')}</td>
                  <td className="actions actions--stacked">
                    <button type="button" className="button button--secondary button--small" aria-pressed={viewing?.id === webhook.id} onClick={() => setViewing(viewing?.id === webhook.id ? null : webhook)}>
                      {t('webhooks.showDeliveries')}
                      <span className="visually-hidden"> {webhook.url}</span>
                    </button>
                    <button type="button" className="button button--secondary button--small" onClick={() => setRotating(webhook)}>
                      {t('webhooks.rotate')}
                      <span className="visually-hidden"> {webhook.url}</span>
                    </button>
                    <button type="button" className="button button--danger button--small" onClick={() => setDeleting(webhook)}>
                      {t('webhooks.delete')}
                      <span className="visually-hidden"> {webhook.url}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {viewing?.id ? <Deliveries key={viewing.id} webhook={viewing} /> : null}
      {webhooks.data && events.length === 0 ? <p>{t('webhooks.nothingToHear')}</p> : null}
      {events.length > 0 ? (
        <section aria-labelledby="register-webhook-title" className="panel">
          <h2 id="register-webhook-title">{t('webhooks.registerTitle')}</h2>
          <Form error={register.error} onSubmit={() => void register.run()} idScope="webhook-">
            <TextField name="url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} type="url" inputMode="url" autoComplete="off" value={url} onValue={setUrl} />
            <ChoiceGroup
              name="eventTypes"
              legend={t('webhooks.events')}
              hint={t('webhooks.eventsHint')}
              type="checkbox"
              options={events.map((type) => ({ value: type, label: type, description: t(`webhooks.eventTypes.${type}`) }))}
              selected={eventTypes}
              onChange={setEventTypes}
            />
            <SubmitButton pending={register.pending} pendingLabel={t('common.saving')}>
              {t('webhooks.register')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <ConfirmDialog
        open={rotating !== null}
        title={t('webhooks.rotateTitle', { url: rotating?.url ?? '' })}
        body={
          <>
            <ErrorSummary error={rotate.error} />
            <p>{t('webhooks.rotateBody')}</p>
          </>
        }
        confirmLabel={t('webhooks.rotate')}
        pending={rotate.pending}
        onConfirm={() => void rotate.run()}
        onClose={() => (setRotating(null), rotate.setError(null))}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('webhooks.deleteTitle', { url: deleting?.url ?? '' })}
        body={
          <>
            <ErrorSummary error={remove.error} />
            <p>{t('webhooks.deleteBody')}</p>
          </>
        }
        confirmLabel={t('webhooks.delete')}
        pending={remove.pending}
        onConfirm={() => void remove.run()}
        onClose={() => (setDeleting(null), remove.setError(null))}
      />
    </>
  );
}

/** The target's recent deliveries, newest first; a dead letter can be sent again. */
function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [deadLettersOnly, setDeadLettersOnly] = useState(false);
  const deliveries = useLoad(() => request(WebhookDeliveries, { webhookId: webhook.id ?? '', deadLettersOnly }), [webhook.id, deadLettersOnly]);
  const [notice, setNotice] = useState<string | null>(null);
  const redeliver = useAction(async (deliveryId: string) => {
    await request(RedeliverWebhook, { deliveryId });
    setNotice(t('webhooks.redelivered'));
    deliveries.reload();
  });
  const titleId = 'webhook-deliveries-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('webhooks.deliveriesTitle', { url: webhook.url ?? '' })}</h2>
      <div className="choice">
        <input type="checkbox" id="dead-letters-only" checked={deadLettersOnly} onChange={(event) => setDeadLettersOnly(event.target.checked)} />
        <label htmlFor="dead-letters-only">{t('webhooks.deadLettersOnly')}</label>
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={redeliver.error} />
      {deliveries.loading && !deliveries.data ? <Loading /> : null}
      {deliveries.error ? <LoadError error={deliveries.error} onRetry={deliveries.reload} /> : null}
      {deliveries.data && deliveries.data.webhookDeliveries.length === 0 ? <p>{t('webhooks.noDeliveries')}</p> : null}
      {deliveries.data && deliveries.data.webhookDeliveries.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('webhooks.deliveries')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('webhooks.deliveries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.occurred')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.lastAnswer')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.webhookDeliveries.map((delivery) => (
                <tr key={delivery.id ?? ''}>
                  <th scope="row">
                    <code>{delivery.eventType}</code>
                  </th>
                  <td>{format.dateTime(delivery.occurredAt)}</td>
                  <td>
                    {delivery.deliveredAt ? (
                      <span className="badge badge--ok">{t('webhooks.deliveredOn', { date: format.dateTime(delivery.deliveredAt) })}</span>
                    ) : delivery.deadLetteredAt ? (
                      <span className="badge badge--alarm">{t('webhooks.deadLetteredOn', { date: format.dateTime(delivery.deadLetteredAt) })}</span>
                    ) : (
                      <span className="badge badge--muted">{t('webhooks.pendingUntil', { date: format.dateTime(delivery.nextAttemptAt) })}</span>
                    )}
                  </td>
                  <td>{format.number(delivery.attempts ?? 0)}</td>
                  <td>{[delivery.lastStatus != null ? `HTTP ${delivery.lastStatus}` : null, delivery.lastError].filter(Boolean).join(' · ') || '—'}</td>
                  <td className="actions">
                    {delivery.deadLetteredAt && !delivery.deliveredAt ? (
                      <button type="button" className="button button--small" disabled={redeliver.pending} onClick={() => void redeliver.run(delivery.id ?? '')}>
                        {t('webhooks.redeliver')}
                        <span className="visually-hidden"> {delivery.eventType}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
