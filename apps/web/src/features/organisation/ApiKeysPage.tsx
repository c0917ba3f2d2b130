import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ApiKeysQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { SecretOncePanel } from '../../ui/SecretOncePanel';
import { useAction, useLoad } from '../../ui/use-api';

const ApiKeys = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

type ApiKey = ApiKeysQuery['apiKeys'][number];

/** Keys for the company's ERP (organisation admin) or the tenant's feeds (tenant admin). */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const staff = hasAnyRole(me?.roles, ['TENANT_ADMIN']);
  const keys = useLoad(() => request(ApiKeys));
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useAction(async () => {
    if (!name.trim()) throw clientError([{ field: 'input.name', reason: 'required', constraint: 'required' }]);
    const data = await request(CreateApiKey, { input: { name: name.trim() } });
    setCreated({ name: data.createApiKey.apiKey.name ?? name.trim(), secret: data.createApiKey.secret });
    setName('');
    setNotice(null);
    keys.reload();
  });
  const revoke = useAction(async () => {
    if (!revoking?.id) return;
    await request(RevokeApiKey, { id: revoking.id });
    setNotice(t('apiKeys.revoked', { name: revoking.name ?? '' }));
    setRevoking(null);
    keys.reload();
  });

  return (
    <>
      <PageTitle lead={staff ? t('apiKeys.leadTenant') : t('apiKeys.leadCompany')}>{t('apiKeys.title')}</PageTitle>
      {created ? (
        <SecretOncePanel
          id="api-key-secret"
          title={t('apiKeys.createdTitle', { name: created.name })}
          warning={t('apiKeys.onceWarning')}
          label={t('apiKeys.secret')}
          usage={t('apiKeys.usage')}
          secret={created.secret}
          copyLabel={t('apiKeys.copy')}
          storedLabel={t('apiKeys.stored')}
          onStored={() => setCreated(null)}
        />
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={revoke.error} />
      {keys.loading && !keys.data ? <Loading /> : null}
      {keys.error ? <LoadError error={keys.error} onRetry={keys.reload} /> : null}
      {keys.data && keys.data.apiKeys.length === 0 ? <p>{t('apiKeys.none')}</p> : null}
      {keys.data && keys.data.apiKeys.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('apiKeys.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('apiKeys.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.created')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">{t('apiKeys.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.apiKeys.map((key) => (
                <tr key={key.id ?? ''}>
                  <th scope="row">{key.name}</th>
                  <td>{format.dateTime(key.createdAt)}</td>
                  <td>{key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('common.never')}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge badge--muted">{t('apiKeys.revokedOn', { date: format.dateTime(key.revokedAt) })}</span>
                    ) : (
                      <span className="badge badge--ok">{t('apiKeys.active')}</span>
                    )}
                  </td>
                  <td className="actions">
                    {!key.revokedAt ? (
                      <button type="button" className="button button--danger button--small" onClick={() => setRevoking(key)}>
                        {t('apiKeys.revoke')}
                        <span className="visually-hidden"> {key.name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section aria-labelledby="create-key-title" className="panel">
        <h2 id="create-key-title">{t('apiKeys.createTitle')}</h2>
        <Form error={create.error} onSubmit={() => void create.run()}>
          <TextField name="input.name" label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} value={name} onValue={setName} />
          <SubmitButton pending={create.pending} pendingLabel={t('common.saving')}>
            {t('apiKeys.create')}
          </SubmitButton>
        </Form>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={t('apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        body={<p>{t('apiKeys.revokeBody')}</p>}
        confirmLabel={t('apiKeys.revoke')}
        pending={revoke.pending}
        onConfirm={() => void revoke.run()}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
