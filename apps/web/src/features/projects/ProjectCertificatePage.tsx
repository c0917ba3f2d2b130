import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import type { ProjectPartyRole } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, HiddenValue, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { TextAreaField } from '../privacy/TextAreaField';
import {
  DeleteProjectCertificateDraft, DistributeProjectCertificate, IssueProjectCertificate, NameProjectContact, ProjectCertificateDetails, ProjectColleagues, WITHDRAWAL_REASON_MAX, WithdrawProjectCertificate,
} from './operations';
import { onThisProject, ProjectStateBadge, useProjectReasons } from './project-shared';

/**
 * One project certificate: its parties with the contact each company published to the others (or
 * its general contact, flagged, while a person is to be named), and where it was sent. Staff issue a
 * draft and withdraw an issued one (with a reason the parties read); a party's administrator names its
 * contact and distributes the issued certificate; the opening company's administrator deletes a draft.
 */
export default function ProjectCertificatePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { projectId = '' } = useParams();
  const { me } = useSession();
  const reasons = useProjectReasons();
  const loaded = useLoad(() => request(ProjectCertificateDetails, { projectId }), [projectId]);
  const project = loaded.data?.projectCertificate;
  const mayIssue = hasAnyRole(me?.roles, ['TENANT_ADMIN', 'CLERK']);
  const isAdmin = hasAnyRole(me?.roles, ['ORG_ADMIN']);
  const colleagues = useLoad(async () => (isAdmin ? (await request(ProjectColleagues)).managedUsers : []), [isAdmin]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [target, setTarget] = useState('');
  const [contactRole, setContactRole] = useState<ProjectPartyRole | null>(null);
  const [contactUser, setContactUser] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawalReason, setWithdrawalReason] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();

  const issue = useAction(async () => {
    setConfirmIssue(false);
    await onThisProject(() => request(IssueProjectCertificate, { projectId }));
    setNotice(t('projects.issued', { reference: project?.reference ?? '' }));
    loaded.reload();
  });
  const distribute = useAction(async () => {
    if (!target.trim()) throw clientError([{ field: 'target', reason: 'required', constraint: 'required' }]);
    const result = await onThisProject(() => request(DistributeProjectCertificate, { projectId, target: target.trim() }));
    setNotice(t('projects.distributed', { target: result.distributeProjectCertificate.target ?? target.trim() }));
    setTarget('');
    loaded.reload();
  });
  const withdraw = useAction(async () => {
    if (!withdrawalReason.trim()) throw clientError([{ field: 'reason', reason: 'required', constraint: 'required' }]);
    await onThisProject(() => request(WithdrawProjectCertificate, { projectId, reason: withdrawalReason.trim() }));
    setWithdrawing(false);
    setWithdrawalReason('');
    setNotice(t('projects.withdrawn', { reference: project?.reference ?? '' }));
    loaded.reload();
  });
  const closeWithdrawal = () => {
    setWithdrawing(false);
    withdraw.setError(null);
  };
  const deleteDraft = useAction(async () => {
    await onThisProject(() => request(DeleteProjectCertificateDraft, { projectId }));
    navigate('/app/projects', { state: { notice: t('projects.deleted', { reference: project?.reference ?? '' }) } });
  });
  const nameContact = useAction(async () => {
    const missing = [...(contactRole ? [] : ['role']), ...(contactUser ? [] : ['userId'])];
    if (!contactRole || missing.length) throw clientError(missing.map((field) => ({ field, reason: 'required', constraint: 'required' })));
    await onThisProject(() => request(NameProjectContact, { projectId, role: contactRole, userId: contactUser }));
    setNotice(t('projects.contactNamed', { role: t(`projects.roles.${contactRole}`) }));
    setContactRole(null);
    setContactUser('');
    loaded.reload();
  });

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !project) {
    return (
      <>
        <PageTitle>{t('projects.title')}</PageTitle>
        {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
        <p>
          <Link to="/app/projects">{t('projects.back')}</Link>
        </p>
      </>
    );
  }
  const ownParties = (project.parties ?? []).filter((party) => me?.organisationId && party.organisationId === me.organisationId);
  // The opening company's administrator deletes a draft opened by mistake (the API's NameDatasheetContact, own company).
  const mayDelete = isAdmin && !!me?.organisationId && project.createdByOrganisationId === me.organisationId;
  const activeColleagues = (colleagues.data ?? []).filter((person) => person.status === 'ACTIVE');
  const value = (text: string | number | null | undefined) => (text == null || text === '' ? <HiddenValue /> : text);

  return (
    <>
      <PageTitle lead={t('projects.detailLead')}>{t('projects.detailTitle', { reference: project.reference ?? '' })}</PageTitle>
      <p>
        <Link to="/app/projects">{t('projects.back')}</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {project.state === 'WITHDRAWN' ? <Notice kind="warning">{t('projects.withdrawnNotice')}</Notice> : null}
      <dl className="details details--wide">
        <div>
          <dt>{t('projects.fields.state')}</dt>
          <dd>
            <ProjectStateBadge state={project.state} />
            {project.issuedAt ? <> {t('projects.issuedOn', { date: format.date(project.issuedAt) })}</> : null}
          </dd>
        </div>
        {project.state === 'WITHDRAWN' ? (
          <>
            <div>
              <dt>{t('projects.fields.withdrawnAt')}</dt>
              <dd>{project.withdrawnAt ? format.date(project.withdrawnAt) : <HiddenValue />}</dd>
            </div>
            <div>
              <dt>{t('projects.fields.withdrawalReason')}</dt>
              <dd>{value(project.withdrawalReason)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('projects.fields.site')}</dt>
          <dd>{value(project.site)}</dd>
        </div>
        <div>
          <dt>{t('projects.fields.material')}</dt>
          <dd>{value(project.material)}</dd>
        </div>
        <div>
          <dt>{t('projects.fields.quantity')}</dt>
          <dd>{project.quantityTonnes != null ? t('projects.tonnes', { quantity: format.number(project.quantityTonnes) }) : <HiddenValue />}</dd>
        </div>
        <div>
          <dt>{t('projects.fields.createdAt')}</dt>
          <dd>{project.createdAt ? format.date(project.createdAt) : <HiddenValue />}</dd>
        </div>
      </dl>

      <section>
        <h2 id="parties-title">{t('projects.partiesTitle')}</h2>
        <div className="table-wrap" role="region" aria-labelledby="parties-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('projects.fields.role')}</th>
                <th scope="col">{t('projects.fields.company')}</th>
                <th scope="col">{t('projects.fields.contact')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {(project.parties ?? []).map((party) => (
                <tr key={party.role ?? ''}>
                  <th scope="row">{party.role ? t(`projects.roles.${party.role}`) : <HiddenValue />}</th>
                  <td>{value(party.organisationName)}</td>
                  <td>
                    {value(party.contactName)}
                    {party.contactPosition ? <span className="muted"> · {party.contactPosition}</span> : null}
                    {party.contactReplacementRequired ? (
                      <>
                        <br />
                        <span className="badge">{t('projects.contactMissing')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{party.contactEmail ? <a href={`mailto:${party.contactEmail}`}>{party.contactEmail}</a> : <HiddenValue />}</td>
                  <td>{value(party.contactPhone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {isAdmin && ownParties.length > 0 ? (
        <section aria-labelledby="contact-title" className="panel">
          <h2 id="contact-title">{t('projects.contactTitle')}</h2>
          <p>{t('projects.contactLead')}</p>
          <Form error={nameContact.error} overrides={reasons} onSubmit={() => void nameContact.run()} idScope="contact-">
            <SelectField
              name="role"
              label={t('projects.fields.role')}
              value={contactRole ?? ''}
              onValue={(role) => setContactRole((role || null) as ProjectPartyRole | null)}
              options={[{ value: '', label: t('projects.choose') }, ...ownParties.map((party) => ({ value: party.role ?? '', label: t(`projects.roles.${party.role!}`) }))]}
            />
            <SelectField
              name="userId"
              label={t('projects.fields.contact')}
              value={contactUser}
              onValue={setContactUser}
              options={[{ value: '', label: t('projects.choose') }, ...activeColleagues.map((person) => ({ value: person.id ?? '', label: `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim() }))]}
            />
            <SubmitButton pending={nameContact.pending} pendingLabel={t('common.saving')}>
              {t('projects.nameContact')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {mayIssue && project.state === 'DRAFT' ? (
        <section aria-labelledby="issue-title" className="panel">
          <h2 id="issue-title">{t('projects.issueTitle')}</h2>
          <p>{t('projects.issueLead')}</p>
          <Form error={issue.error} overrides={reasons} onSubmit={() => setConfirmIssue(true)} idScope="issue-">
            <SubmitButton pending={issue.pending} pendingLabel={t('common.saving')}>
              {t('projects.issue')}
            </SubmitButton>
          </Form>
          <ConfirmDialog
            open={confirmIssue}
            title={t('projects.issueConfirmTitle', { reference: project.reference ?? '' })}
            body={<p>{t('projects.issueConfirmBody')}</p>}
            confirmLabel={t('projects.issue')}
            onConfirm={() => void issue.run()}
            onClose={() => setConfirmIssue(false)}
            pending={issue.pending}
            tone="primary"
          />
        </section>
      ) : null}

      {mayIssue && project.state === 'ISSUED' ? (
        <section aria-labelledby="withdraw-title" className="panel">
          <h2 id="withdraw-title">{t('projects.withdrawTitle')}</h2>
          <p>{t('projects.withdrawLead')}</p>
          <p>
            <button type="button" className="button button--danger" onClick={() => setWithdrawing(true)}>
              {t('projects.withdraw')}
            </button>
          </p>
          <Dialog open={withdrawing} title={t('projects.withdrawConfirmTitle', { reference: project.reference ?? '' })} onClose={closeWithdrawal}>
            <p>{t('projects.withdrawConfirmBody')}</p>
            <Form error={withdraw.error} overrides={reasons} onSubmit={() => void withdraw.run()} idScope="withdraw-">
              <TextAreaField
                name="reason"
                label={t('projects.fields.withdrawalReason')}
                hint={t('projects.withdrawReasonHint', { max: WITHDRAWAL_REASON_MAX })}
                maxLength={WITHDRAWAL_REASON_MAX}
                value={withdrawalReason}
                onValue={setWithdrawalReason}
              />
              <div className="button-row">
                <button type="submit" className="button button--danger" disabled={withdraw.pending} aria-disabled={withdraw.pending}>
                  {withdraw.pending ? t('common.saving') : t('projects.withdraw')}
                </button>
                <button type="button" className="button button--secondary" onClick={closeWithdrawal}>
                  {t('common.cancel')}
                </button>
              </div>
            </Form>
          </Dialog>
        </section>
      ) : null}

      {mayDelete && project.state === 'DRAFT' ? (
        <section aria-labelledby="delete-title" className="panel">
          <h2 id="delete-title">{t('projects.deleteTitle')}</h2>
          <p>{t('projects.deleteLead')}</p>
          <p>
            <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>
              {t('projects.deleteDraft')}
            </button>
          </p>
          <ConfirmDialog
            open={confirmDelete}
            title={t('projects.deleteConfirmTitle', { reference: project.reference ?? '' })}
            body={
              <>
                <ErrorSummary error={deleteDraft.error} overrides={reasons} />
                <p>{t('projects.deleteConfirmBody')}</p>
              </>
            }
            confirmLabel={t('projects.deleteDraft')}
            onConfirm={() => void deleteDraft.run()}
            onClose={() => (setConfirmDelete(false), deleteDraft.setError(null))}
            pending={deleteDraft.pending}
          />
        </section>
      ) : null}

      <section>
        <h2 id="distributions-title">{t('projects.distributionsTitle')}</h2>
        {(project.distributions ?? []).length === 0 ? (
          <p>{t('projects.noDistributions')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="distributions-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('projects.fields.target')}</th>
                  <th scope="col">{t('projects.fields.distributedAt')}</th>
                  <th scope="col">{t('projects.fields.distributedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {(project.distributions ?? []).map((distribution) => (
                  <tr key={distribution.id ?? ''}>
                    <th scope="row">{value(distribution.target)}</th>
                    <td>{distribution.distributedAt ? format.dateTime(distribution.distributedAt) : <HiddenValue />}</td>
                    {/* Whoever sees a distribution sees who sent it: none means forgotten after the retention period. */}
                    <td>{distribution.distributedBy == null ? t('projects.distributorForgotten') : distribution.distributedBy === me?.id ? t('projects.byYou') : t('projects.byParty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {isAdmin && project.state === 'ISSUED' ? (
        <section aria-labelledby="distribute-title" className="panel">
          <h2 id="distribute-title">{t('projects.distributeTitle')}</h2>
          <p>{t('projects.distributeLead')}</p>
          <Form error={distribute.error} overrides={reasons} onSubmit={() => void distribute.run()} idScope="distribute-">
            <TextField name="target" label={t('projects.fields.target')} hint={t('projects.targetHint')} value={target} onValue={setTarget} maxLength={200} />
            <SubmitButton pending={distribute.pending} pendingLabel={t('common.saving')}>
              {t('projects.distribute')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
