import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { grantableRoles, hasAnyRole, type Role } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ManagedUsersQuery, PendingInvitationsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';

// Fields both an ORG_ADMIN (own company) and a TENANT_ADMIN (own tenant) may read; not
// lastLoginAt (the user and the privacy officer only) nor signatureImage.
const ManagedUsers = graphql(`
  query ManagedUsers {
    managedUsers {
      id
      email
      firstName
      lastName
      jobTitle
      status
      totpEnrolledAt
      roles
    }
  }
`);

const InviteUser = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      roles
      expiresAt
    }
  }
`);

const ChangeUserRoles = graphql(`
  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {
    changeUserRoles(input: $input) {
      id
      roles
    }
  }
`);

const DisableUser = graphql(`
  mutation DisableUser($userId: ID!) {
    disableUser(userId: $userId) {
      id
      status
    }
  }
`);

const AppointCompanyAdministrator = graphql(`
  mutation AppointCompanyAdministrator($input: AppointCompanyAdministratorInput!) {
    appointCompanyAdministrator(input: $input) {
      id
      email
    }
  }
`);

const EnableUser = graphql(`
  mutation EnableUser($userId: ID!) {
    enableUser(userId: $userId) {
      id
      status
    }
  }
`);

const ResetSecondFactor = graphql(`
  mutation ResetSecondFactor($userId: ID!) {
    resetSecondFactor(userId: $userId) {
      id
      totpEnrolledAt
    }
  }
`);

const PendingInvitations = graphql(`
  query PendingInvitations {
    invitations {
      id
      email
      roles
      expiresAt
    }
  }
`);

const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      revokedAt
    }
  }
`);

type ManagedUser = ManagedUsersQuery['managedUsers'][number];
type PendingInvitation = PendingInvitationsQuery['invitations'][number];

/**
 * Runs a high-value act (the API asks for a re-authentication within five minutes): when the API
 * answers STEP_UP_REQUIRED, the step-up dialog opens and the act runs again once confirmed.
 */
function fullName(user: ManagedUser): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || '';
}

/** The company's users (organisation admin) or the tenant's staff (tenant admin). */
export default function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, tenant } = useSession();
  const staff = hasAnyRole(me?.roles, ['TENANT_ADMIN']);
  // A chamber's staff: the tenant admin reads each one's processing figures (SPEC §2).
  const chamberStaff = staff && !me?.organisationId && (tenant?.kinds ?? []).includes('CHAMBER_OF_COMMERCE');
  const grantable = grantableRoles(me?.roles);
  const users = useLoad(() => request(ManagedUsers));
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [invited, setInvited] = useState<{ email: string; expiresAt: string | null } | null>(null);
  const [editing, setEditing] = useState<ManagedUser | null>(null);
  const [editedRoles, setEditedRoles] = useState<Role[]>([]);
  const [disabling, setDisabling] = useState<ManagedUser | null>(null);
  const [enabling, setEnabling] = useState<ManagedUser | null>(null);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const [revoking, setRevoking] = useState<PendingInvitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invitations = useLoad(() => request(PendingInvitations));
  const reasons = useMemo(
    () => ({
      USER_NOT_DISABLED: t('accountAdmin.users.reasons.USER_NOT_DISABLED'),
      CANNOT_RESET_OWN_SECOND_FACTOR: t('accountAdmin.users.reasons.CANNOT_RESET_OWN_SECOND_FACTOR'),
      SECOND_FACTOR_NOT_ENROLLED: t('accountAdmin.users.reasons.SECOND_FACTOR_NOT_ENROLLED'),
      INVITATION_NOT_FOUND: t('accountAdmin.users.reasons.INVITATION_NOT_FOUND'),
      USER_NOT_FOUND: t('accountAdmin.users.reasons.USER_NOT_FOUND'),
    }),
    [t],
  );

  const invite = useAction(async () => {
    const problems = [
      ...(email.trim() ? [] : [{ field: 'input.email', reason: 'required', constraint: 'required' }]),
      ...(roles.length ? [] : [{ field: 'input.roles', reason: 'required', constraint: 'arrayMinSize' }]),
    ];
    if (problems.length) throw clientError(problems);
    const data = await request(InviteUser, { input: { email: email.trim(), roles } });
    setInvited({ email: data.inviteUser.email ?? email.trim(), expiresAt: data.inviteUser.expiresAt });
    setEmail('');
    setRoles([]);
    invitations.reload();
  });

  const changeRoles = useAction(async () => {
    if (!editing?.id) return;
    const before = editing.roles ?? [];
    const grant = editedRoles.filter((role) => !before.includes(role));
    const withdraw = before.filter((role) => grantable.includes(role) && !editedRoles.includes(role));
    await request(ChangeUserRoles, { input: { userId: editing.id, grant, withdraw } });
    setNotice(t('users.rolesChanged', { name: fullName(editing) }));
    setEditing(null);
    users.reload();
  });

  const disable = useAction(async () => {
    if (!disabling?.id) return;
    await request(DisableUser, { userId: disabling.id });
    setNotice(t('users.disabled', { name: fullName(disabling) }));
    setDisabling(null);
    users.reload();
    invitations.reload();
  });

  // The confirmation closes first; a refusal is then said at the top of the page, which takes the focus.
  const enable = useAction(async (target: ManagedUser) => {
    clearActErrors();
    await request(EnableUser, { userId: target.id ?? '' });
    setNotice(t('accountAdmin.users.enabled', { name: fullName(target) }));
    users.reload();
  });

  const resetSecondFactor = useAction(async (target: ManagedUser) => {
    clearActErrors();
    await request(ResetSecondFactor, { userId: target.id ?? '' });
    setNotice(t('accountAdmin.users.secondFactorReset', { name: fullName(target) }));
    users.reload();
  });

  const revoke = useAction(async (target: PendingInvitation) => {
    clearActErrors();
    await request(RevokeInvitation, { id: target.id ?? '' });
    setNotice(t('accountAdmin.users.invitationRevoked', { email: target.email ?? '' }));
    invitations.reload();
  });

  const acts = [enable, resetSecondFactor, revoke];
  function clearActErrors() {
    setNotice(null);
    for (const act of acts) act.setError(null);
  }
  const actError = enable.error ?? resetSecondFactor.error ?? revoke.error;
  // After an act the button that opened its confirmation may be gone (the row changed): the notice takes the focus.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // A company left without an administrator: the tenant's administrator appoints one of its users.
  const [appointEmail, setAppointEmail] = useState('');
  const [appointed, setAppointed] = useState<string | null>(null);
  const appoint = useAction(async () => {
    if (!appointEmail.trim()) throw clientError([{ field: 'input.email', reason: 'required', constraint: 'required' }]);
    const data = await request(AppointCompanyAdministrator, { input: { email: appointEmail.trim() } });
    setAppointed(data.appointCompanyAdministrator.email ?? appointEmail.trim());
    setAppointEmail('');
  });

  const roleOptions = grantable.map((role) => ({ value: role, label: t(`roles.${role}`), description: t(`roleDescriptions.${role}`) }));

  return (
    <>
      <PageTitle lead={staff ? t('users.leadStaff') : t('users.leadCompany')}>{staff ? t('users.titleStaff') : t('users.titleCompany')}</PageTitle>
      <div ref={noticeRef} tabIndex={-1}>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
      </div>
      <ErrorSummary error={actError} overrides={reasons} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.error ? <LoadError error={users.error} onRetry={users.reload} /> : null}
      {users.data ? (
        <div className="table-wrap" role="region" aria-label={t('users.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('users.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.roles')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('nav.secondFactor')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.managedUsers.map((user) => (
                <tr key={user.id ?? ''}>
                  <th scope="row">
                    {fullName(user)}
                    {user.jobTitle ? <span className="muted"> · {user.jobTitle}</span> : null}
                  </th>
                  <td>{user.email}</td>
                  <td>{(user.roles ?? []).map((role) => t(`roles.${role}`)).join(', ')}</td>
                  <td>
                    <span className={`badge badge--${user.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{user.status ? t(`userStatus.${user.status}`) : ''}</span>
                  </td>
                  <td>{user.totpEnrolledAt ? format.date(user.totpEnrolledAt) : t('secondFactor.notEnrolled')}</td>
                  <td className="actions">
                    {chamberStaff && user.id ? (
                      <Link className="button button--secondary button--small" to={`/app/users/${user.id}/processing-statistics`}>
                        {t('accountAdmin.users.statistics')}
                        <span className="visually-hidden"> ({fullName(user)})</span>
                      </Link>
                    ) : null}
                    {user.id !== me?.id && user.status === 'DISABLED' ? (
                      <button type="button" className="button button--secondary button--small" onClick={() => setEnabling(user)}>
                        {t('accountAdmin.users.enable')}
                        <span className="visually-hidden"> ({fullName(user)})</span>
                      </button>
                    ) : null}
                    {user.id !== me?.id && user.status !== 'DISABLED' && user.totpEnrolledAt ? (
                      <button type="button" className="button button--secondary button--small" onClick={() => setResetting(user)}>
                        {t('accountAdmin.users.resetSecondFactor')}
                        <span className="visually-hidden"> ({fullName(user)})</span>
                      </button>
                    ) : null}
                    {user.id !== me?.id && user.status !== 'DISABLED' ? (
                      <>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            setEditing(user);
                            setEditedRoles((user.roles ?? []).filter((role) => grantable.includes(role)));
                          }}
                        >
                          {t('users.changeRoles')}
                          <span className="visually-hidden"> ({fullName(user)})</span>
                        </button>
                        <button type="button" className="button button--danger button--small" onClick={() => setDisabling(user)}>
                          {t('users.disable')}
                          <span className="visually-hidden"> ({fullName(user)})</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section aria-labelledby="invitations-title" className="panel">
        <h2 id="invitations-title">{t('accountAdmin.users.invitationsTitle')}</h2>
        <p>{t('accountAdmin.users.invitationsLead')}</p>
        {invitations.loading && !invitations.data ? <Loading /> : null}
        {invitations.error ? <LoadError error={invitations.error} onRetry={invitations.reload} /> : null}
        {invitations.data && invitations.data.invitations.length === 0 ? <p>{t('accountAdmin.users.noInvitations')}</p> : null}
        {invitations.data && invitations.data.invitations.length > 0 ? (
          <div className="table-wrap" role="region" aria-label={t('accountAdmin.users.invitationsTitle')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('accountAdmin.users.invitationsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('fields.roles')}</th>
                  <th scope="col">{t('accountAdmin.users.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.invitations.map((invitation) => (
                  <tr key={invitation.id ?? ''}>
                    <th scope="row">{invitation.email}</th>
                    <td>{(invitation.roles ?? []).map((role) => t(`roles.${role}`)).join(', ')}</td>
                    <td>{format.dateTime(invitation.expiresAt)}</td>
                    <td className="actions">
                      <button type="button" className="button button--danger button--small" onClick={() => setRevoking(invitation)}>
                        {t('accountAdmin.users.revoke')}
                        <span className="visually-hidden"> ({invitation.email})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t('users.inviteTitle')}</h2>
        <p>{t('users.inviteLead')}</p>
        {invited ? (
          <Notice kind="success" title={t('users.invitedTitle')}>
            <p>{t('users.invited', { email: invited.email, date: format.dateTime(invited.expiresAt) })}</p>
          </Notice>
        ) : null}
        <Form error={invite.error} onSubmit={() => void invite.run()}>
          <TextField name="input.email" label={t('fields.email')} type="email" autoComplete="off" value={email} onValue={(value) => { setInvited(null); setEmail(value); }} />
          <ChoiceGroup<Role> name="input.roles" legend={t('fields.roles')} type="checkbox" options={roleOptions} selected={roles} onChange={setRoles} />
          <SubmitButton pending={invite.pending} pendingLabel={t('common.sending')}>
            {t('users.inviteSubmit')}
          </SubmitButton>
        </Form>
      </section>

      {staff ? (
        <section aria-labelledby="appoint-title" className="panel">
          <h2 id="appoint-title">{t('users.appointTitle')}</h2>
          <p>{t('users.appointLead')}</p>
          {appointed ? (
            <Notice kind="success" title={t('users.appointedTitle')}>
              <p>{t('users.appointed', { email: appointed })}</p>
            </Notice>
          ) : null}
          <Form error={appoint.error} onSubmit={() => void appoint.run()} idScope="appoint-">
            <TextField name="input.email" label={t('fields.email')} type="email" autoComplete="off" value={appointEmail} onValue={(value) => { setAppointed(null); setAppointEmail(value); }} />
            <SubmitButton pending={appoint.pending} pendingLabel={t('common.saving')}>
              {t('users.appointSubmit')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {staff ? (
        // Its own screen (the out-of-band checklist, the company's number on record, a support reference): linked from here, beside the appointment.
        <section aria-labelledby="company-second-factor-title" className="panel">
          <h2 id="company-second-factor-title">{t('companyAdministratorReset.usersTitle')}</h2>
          <p>{t('companyAdministratorReset.usersLead')}</p>
          <p>
            <Link className="button button--secondary" to="/app/companies/administrator-second-factor">
              {t('companyAdministratorReset.title')}
            </Link>
          </p>
        </section>
      ) : null}

      <Dialog open={editing !== null} title={t('users.changeRolesOf', { name: editing ? fullName(editing) : '' })} onClose={() => setEditing(null)}>
        <Form error={changeRoles.error} onSubmit={() => void changeRoles.run()} idScope="roles-dialog-">
          <ChoiceGroup<Role> name="input.roles" legend={t('fields.roles')} type="checkbox" options={roleOptions} selected={editedRoles} onChange={setEditedRoles} />
          <SubmitButton pending={changeRoles.pending} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </SubmitButton>
        </Form>
      </Dialog>
      <ConfirmDialog
        open={disabling !== null}
        title={t('users.disableTitle', { name: disabling ? fullName(disabling) : '' })}
        body={
          <>
            {/* A refusal is said in the dialog that is open, not on the page behind it. */}
            <ErrorSummary error={disable.error} overrides={reasons} />
            <p>{t('users.disableBody')}</p>
          </>
        }
        confirmLabel={t('users.disable')}
        pending={disable.pending}
        onConfirm={() => void disable.run()}
        onClose={() => (setDisabling(null), disable.setError(null))}
      />
      <ConfirmDialog
        open={enabling !== null}
        title={t('accountAdmin.users.enableTitle', { name: enabling ? fullName(enabling) : '' })}
        body={<p>{t('accountAdmin.users.enableBody')}</p>}
        confirmLabel={t('accountAdmin.users.enable')}
        tone="primary"
        onConfirm={() => {
          const target = enabling!;
          setEnabling(null);
          void enable.run(target);
        }}
        onClose={() => setEnabling(null)}
      />
      <ConfirmDialog
        open={resetting !== null}
        title={t('accountAdmin.users.resetTitle', { name: resetting ? fullName(resetting) : '' })}
        body={<p>{t('accountAdmin.users.resetBody')}</p>}
        confirmLabel={t('accountAdmin.users.resetSecondFactor')}
        onConfirm={() => {
          const target = resetting!;
          setResetting(null);
          void resetSecondFactor.run(target);
        }}
        onClose={() => setResetting(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('accountAdmin.users.revokeTitle', { email: revoking?.email ?? '' })}
        body={<p>{t('accountAdmin.users.revokeBody')}</p>}
        confirmLabel={t('accountAdmin.users.revoke')}
        onConfirm={() => {
          const target = revoking!;
          setRevoking(null);
          void revoke.run(target);
        }}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
