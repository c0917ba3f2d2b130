import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { PrivacyPolicyAnswer } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { usePolicyReasons } from './PolicyNotice';

const TenantPolicyVersions = graphql(`
  query TenantPolicyVersions($slug: String!) {
    privacyPolicyVersions(tenantSlug: $slug) {
      id
      version
      title
      summary
      body
      publishedAt
      objectionDeadline
    }
  }
`);

// Every active user's answer (explicit, pending or deemed): PRIVACY_OFFICER and TENANT_ADMIN of the tenant.
const PolicyResponses = graphql(`
  query PolicyResponses($versionId: ID!) {
    privacyPolicyResponses(versionId: $versionId) {
      userId
      answer
      reason
      respondedAt
    }
  }
`);

const PublishPolicy = graphql(`
  mutation PublishPolicy($input: PublishPrivacyPolicyInput!) {
    publishPrivacyPolicy(input: $input) {
      id
      version
      objectionDeadline
    }
  }
`);

// PRIVACY_OFFICER@ownTenant reads these User fields; each read is in the access log.
const ObjectorName = graphql(`
  query PolicyObjector($userId: ID!) {
    user(id: $userId) {
      firstName
      lastName
      email
    }
  }
`);

const ANSWERS: PrivacyPolicyAnswer[] = ['ACCEPTED', 'DEEMED_ACCEPTED', 'PENDING', 'OBJECTED'];

/**
 * The tenant's privacy policy as its privacy officer keeps it (DigiChambers 004 §1.2): its versions,
 * who accepted, objected or is still deemed to accept each, and the publication of a new version,
 * which every user is then shown in the application. The tenant's administrator reads the answers.
 */
export default function PrivacyPolicyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, me, tenant } = useSession();
  const slug = session?.tenantSlug ?? '';
  const officer = hasAnyRole(me?.roles, ['PRIVACY_OFFICER']);
  const reasons = usePolicyReasons();
  const versions = useLoad(() => request(TenantPolicyVersions, { slug }), [slug]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ basedOn: string | null; title: string; summary: string; body: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<string | null>(null);

  const all = versions.data?.privacyPolicyVersions ?? [];
  const current = all[0];
  const selected = all.find((v) => v.id === selectedId) ?? current;
  // The next version starts from the current text (a policy is amended, rarely rewritten), again once one is published.
  const currentId = current?.id ?? null;
  useEffect(() => {
    if (versions.data && (draft === null || draft.basedOn !== currentId)) setDraft({ basedOn: currentId, title: current?.title ?? '', summary: '', body: current?.body ?? '' });
  }, [versions.data, current, currentId, draft]);

  const check = useAction(async () => {
    if (!draft) return;
    const problems = (['title', 'summary', 'body'] as const).filter((key) => !draft[key].trim()).map((key) => ({ field: `input.${key}`, reason: 'required', constraint: 'required' }));
    if (problems.length) throw clientError(problems);
    setConfirming(true);
  });
  const publish = useAction(async () => {
    if (!draft) return;
    const data = await request(PublishPolicy, { input: { title: draft.title.trim(), summary: draft.summary.trim(), body: draft.body } });
    setConfirming(false);
    setPublished(t('policyVersions.page.published', { version: data.publishPrivacyPolicy.version ?? 1, deadline: format.dateTime(data.publishPrivacyPolicy.objectionDeadline) }));
    setSelectedId(null);
    versions.reload();
  });

  if (!slug) return null;
  const tenantName = tenant?.name ?? slug;
  return (
    <>
      <PageTitle lead={t('policyVersions.page.lead', { tenant: tenantName })}>{t('policyVersions.page.title')}</PageTitle>
      <p>
        <Link to={`/privacy/${slug}`}>{t('policyVersions.page.publicPage')}</Link>
      </p>
      {published ? <Notice kind="success">{published}</Notice> : null}
      {versions.loading && !versions.data ? <Loading /> : null}
      {versions.error ? <LoadError error={versions.error} onRetry={versions.reload} /> : null}
      {versions.data ? (
        <section aria-labelledby="policy-versions-title">
          <h2 id="policy-versions-title">{t('policyVersions.page.versionsTitle')}</h2>
          {all.length === 0 ? (
            <p>{t('policyVersions.page.noVersion')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="policy-versions-title" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('policyVersions.page.version')}</th>
                    <th scope="col">{t('policyVersions.page.titleColumn')}</th>
                    <th scope="col">{t('policyVersions.page.publishedAt')}</th>
                    <th scope="col">{t('policyVersions.page.objectionDeadline')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('policyVersions.page.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((version) => (
                    <tr key={version.id ?? ''} aria-current={version.id === selected?.id ? 'true' : undefined}>
                      <th scope="row">{version.version}</th>
                      <td>{version.title}</td>
                      <td>{format.dateTime(version.publishedAt)}</td>
                      <td>{format.dateTime(version.objectionDeadline)}</td>
                      <td>
                        {version.id === selected?.id ? (
                          <span className="badge badge--info">{t('policyVersions.page.shown')}</span>
                        ) : (
                          <button type="button" className="button button--secondary button--small" onClick={() => setSelectedId(version.id ?? null)}>
                            {t('policyVersions.page.showAnswers', { version: version.version ?? 1 })}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {selected?.id ? <Answers versionId={selected.id} version={selected.version ?? 1} summary={selected.summary ?? ''} linkToPeople={officer} /> : null}
      {officer && draft ? (
        <section aria-labelledby="policy-publish-title" className="panel">
          <h2 id="policy-publish-title">{t('policyVersions.page.publishTitle', { version: (current?.version ?? 0) + 1 })}</h2>
          <p>{t('policyVersions.page.publishLead')}</p>
          <Form error={check.error ?? publish.error} overrides={reasons} onSubmit={() => void check.run()} idScope="policy-">
            <TextField name="input.title" label={t('policyVersions.page.fieldTitle')} maxLength={200} value={draft.title} onValue={(title) => setDraft({ ...draft, title })} />
            <FieldShell name="input.summary" label={t('policyVersions.page.fieldSummary')} hint={t('policyVersions.page.fieldSummaryHint')}>
              {(a11y) => <textarea {...a11y} rows={3} maxLength={2000} value={draft.summary} onChange={(event) => setDraft({ ...draft, summary: event.target.value })} />}
            </FieldShell>
            <FieldShell name="input.body" label={t('policyVersions.page.fieldBody')} hint={t('policyVersions.page.fieldBodyHint')}>
              {(a11y) => <textarea {...a11y} rows={14} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} />}
            </FieldShell>
            <SubmitButton pending={check.pending} pendingLabel={t('common.checking')}>
              {t('policyVersions.page.publish')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <ConfirmDialog
        open={confirming}
        tone="primary"
        title={t('policyVersions.page.confirmTitle', { version: (current?.version ?? 0) + 1 })}
        body={
          <>
            <ErrorSummary error={publish.error} overrides={reasons} />
            <p>{t('policyVersions.page.confirmBody', { tenant: tenantName })}</p>
          </>
        }
        confirmLabel={t('policyVersions.page.publish')}
        pending={publish.pending}
        onConfirm={() => void publish.run()}
        onClose={() => (setConfirming(false), publish.setError(null))}
      />
    </>
  );
}

/** Who accepted, objected, is deemed to accept or has not answered yet; the objections with their reasons. */
function Answers({ versionId, version, summary, linkToPeople }: { versionId: string; version: number; summary: string; linkToPeople: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const responses = useLoad(() => request(PolicyResponses, { versionId }), [versionId]);
  const rows = responses.data?.privacyPolicyResponses ?? [];
  const objections = rows.filter((row) => row.answer === 'OBJECTED');
  const titleId = 'policy-answers-title';
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('policyVersions.page.answersTitle', { version })}</h2>
      <p className="prewrap">{summary}</p>
      {responses.loading && !responses.data ? <Loading /> : null}
      {responses.error ? <LoadError error={responses.error} onRetry={responses.reload} /> : null}
      {responses.data ? (
        <>
          <dl className="details details--wide">
            {ANSWERS.map((answer) => (
              <div key={answer}>
                <dt>{t(`policyVersions.answers.${answer}`)}</dt>
                <dd>{format.number(rows.filter((row) => row.answer === answer).length)}</dd>
              </div>
            ))}
          </dl>
          <h3 id="policy-objections-title">{t('policyVersions.page.objectionsTitle')}</h3>
          {objections.length === 0 ? (
            <p>{t('policyVersions.page.noObjection')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="policy-objections-title" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('policyVersions.page.user')}</th>
                    <th scope="col">{t('policyVersions.page.objectedAt')}</th>
                    <th scope="col">{t('policyVersions.page.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {objections.map((row) => (
                    <tr key={row.userId ?? ''}>
                      <th scope="row">
                        {linkToPeople && row.userId ? <Objector userId={row.userId} /> : <code className="id">{row.userId}</code>}
                      </th>
                      <td>{format.dateTime(row.respondedAt)}</td>
                      <td className="prewrap">{row.reason ?? t('policyVersions.page.noReason')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Who objected, by name and address (the privacy officer may follow up), linked to their page. */
function Objector({ userId }: { userId: string }) {
  const person = useLoad(() => request(ObjectorName, { userId }), [userId]);
  const user = person.data?.user;
  const name = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : '';
  return (
    <>
      <Link to={`/app/privacy/users/${userId}`}>{name || <code className="id">{userId}</code>}</Link>
      {user?.email ? (
        <>
          <br />
          <span className="muted">{user.email}</span>
        </>
      ) : null}
    </>
  );
}
