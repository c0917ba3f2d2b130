import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { grantableRoles, hasAnyRole, type Role } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ManagedUsersQuery } from '../../gql/graphql';
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

type ManagedUser = ManagedUsersQuery['managedUsers'][number];

function fullName(user: ManagedUser): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || '';
}

/** The company's users (organisation admin) or the tenant's staff (tenant admin). */
export default function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const staff = hasAnyRole(me?.roles, ['TENANT_ADMIN']);
  const grantable = grantableRoles(me?.roles);
  const users = useLoad(() => request(ManagedUsers));
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [invited, setInvited] = useState<{ email: string; expiresAt: string | null } | null>(null);
  const [editing, setEditing] = useState<ManagedUser | null>(null);
  const [editedRoles, setEditedRoles] = useState<Role[]>([]);
  const [disabling, setDisabling] = useState<ManagedUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
  });

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
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={disable.error} />
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
        body={<p>{t('users.disableBody')}</p>}
        confirmLabel={t('users.disable')}
        pending={disable.pending}
        onConfirm={() => void disable.run()}
        onClose={() => setDisabling(null)}
      />
    </>
  );
}
