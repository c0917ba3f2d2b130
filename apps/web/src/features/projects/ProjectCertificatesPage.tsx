import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { request } from '../../api/client';
import { hasAnyRole, ORGANISATION_ROLES } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { HiddenValue, LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { ProjectCertificates } from './operations';
import { ProjectStateBadge } from './project-shared';

/**
 * Multi-party project certificates (COPRO §5c): a company sees those naming it (client, contractor
 * or intermediate storage), the certification body's staff every one of the tenant's.
 */
export default function ProjectCertificatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const location = useLocation();
  // A deleted draft lands here, saying so.
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const staff = hasAnyRole(me?.roles, ['TENANT_ADMIN', 'CLERK', 'SIGNER', 'PRIVACY_OFFICER', 'AUDITOR']);
  // Company users open projects naming their company (the API's CompleteProjectCertificates).
  const companyUser = hasAnyRole(me?.roles, ORGANISATION_ROLES);
  const data = useLoad(() => request(ProjectCertificates));
  const projects = data.data?.projectCertificates ?? [];

  return (
    <>
      <PageTitle lead={staff ? t('projects.leadStaff') : t('projects.leadCompany')}>{t('projects.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {companyUser ? (
        <p>
          <Link className="button" to="/app/projects/new">
            {t('projects.create.open')}
          </Link>
        </p>
      ) : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.data && projects.length === 0 ? <p>{t('projects.none')}</p> : null}
      {projects.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('projects.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('projects.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.fields.reference')}</th>
                <th scope="col">{t('projects.fields.material')}</th>
                <th scope="col">{t('projects.fields.parties')}</th>
                <th scope="col">{t('projects.fields.state')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id ?? ''}>
                  <th scope="row">
                    <Link to={`/app/projects/${project.id ?? ''}`}>{project.reference ?? t('common.hidden')}</Link>
                    <br />
                    <span className="muted">{project.site}</span>
                  </th>
                  <td>
                    {project.material ?? <HiddenValue />}
                    {project.quantityTonnes != null ? <span className="muted"> · {t('projects.tonnes', { quantity: format.number(project.quantityTonnes) })}</span> : null}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {(project.parties ?? []).map((party) => (
                        <li key={party.role ?? ''}>
                          {party.role ? t(`projects.roles.${party.role}`) : null}: {party.organisationName ?? <HiddenValue />}
                          {party.contactReplacementRequired ? <span className="badge"> {t('projects.contactMissing')}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ProjectStateBadge state={project.state} />
                    {project.issuedAt ? <span className="muted"> {format.date(project.issuedAt)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
