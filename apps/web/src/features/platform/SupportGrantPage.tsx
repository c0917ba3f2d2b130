import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { translateDynamic } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { roleNames } from '../privacy/AccessTable';
import { GrantStatusCell, isRunning, timeOrDateTime, useDuration } from '../privacy/support-access-shared';
import { useTenantNames } from './SupportRequestsPage';
import { isUuid } from '../../ui/typed-values';

const OwnSupportGrants = graphql(`
  query OwnSupportGrants {
    supportGrants {
      id
      tenantId
      purpose
      durationMinutes
      requestedAt
      status
      decidedAt
      refusalReason
      endsAt
      endedAt
    }
  }
`);

const UnderSupportGrant = graphql(`
  query UnderSupportGrant($grantId: ID!) {
    supportAccounts(grantId: $grantId) {
      id
      organisationId
      email
      roles
      createdAt
    }
    supportOrganisations(grantId: $grantId) {
      id
      name
      companyNumber
      vatNumber
      street
      postalCode
      city
      country
      email
      phone
    }
    supportCertificateApplications(grantId: $grantId, first: 50) {
      id
      organisationId
      state
      consigneeName
      consigneeCountry
      countryOfOrigin
      submittedAt
      updatedAt
    }
    supportDatasheets(grantId: $grantId) {
      id
      organisationId
      publicCode
      latestVersion
      latestState
      createdAt
    }
  }
`);


/**
 * What a running support grant lets the operator read of the tenant (read only): its accounts,
 * companies, certificate applications and datasheets. Each read lands in the tenant's access log,
 * naming the grant and its purpose; without a running grant the API shows nothing.
 */
export default function SupportGrantPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const { grantId = '' } = useParams();
  const wellFormed = isUuid(grantId);
  const own = useLoad(() => request(OwnSupportGrants));
  const { names } = useTenantNames();
  const grant = own.data?.supportGrants.find((g) => g.id?.toLowerCase() === grantId.toLowerCase()) ?? null;
  // The API is the judge of whether the grant runs: it is asked even when the list says otherwise.
  const view = useLoad(() => (wellFormed ? request(UnderSupportGrant, { grantId }) : Promise.resolve(null)), [grantId]);
  const notRunning = !wellFormed || view.error?.reason === 'NO_ACTIVE_SUPPORT_GRANT';
  const organisations = useMemo(() => new Map((view.data?.supportOrganisations ?? []).map((o) => [o.id ?? '', o.name ?? ''])), [view.data]);
  const companyName = (id: string | null | undefined) => (id ? (organisations.get(id) ?? id) : t('supportAccess.grant.staff'));
  const tenant = grant ? (names.get(grant.tenantId ?? '') ?? grant.tenantId ?? '') : '';

  return (
    <>
      <PageTitle lead={t('supportAccess.grant.lead')}>{tenant ? t('supportAccess.grant.titleOf', { tenant }) : t('supportAccess.grant.title')}</PageTitle>
      <p>
        <Link to="/app/platform/support">{t('supportAccess.grant.back')}</Link>
      </p>
      {grant ? (
        <dl className="details">
          <div>
            <dt>{t('supportAccess.purpose')}</dt>
            <dd>{grant.purpose}</dd>
          </div>
          <div>
            <dt>{t('supportAccess.duration')}</dt>
            <dd>{duration(grant.durationMinutes)}</dd>
          </div>
          <div>
            <dt>{t('supportAccess.statusColumn')}</dt>
            <dd>
              <GrantStatusCell grant={grant} />
            </dd>
          </div>
        </dl>
      ) : null}
      {notRunning ? (
        <div className="notice notice--warning" role="alert">
          <p>{!wellFormed ? t('supportAccess.grant.malformed') : grant ? t('supportAccess.grant.notRunning') : t('supportAccess.grant.unknown')}</p>
        </div>
      ) : null}
      {view.loading && !view.data && wellFormed ? <Loading /> : null}
      {view.error && !notRunning ? <LoadError error={view.error} onRetry={view.reload} /> : null}
      {view.data ? (
        <>
          <Notice kind="warning">
            <p>
              {grant && isRunning(grant) ? t('supportAccess.grant.runningUntil', { time: timeOrDateTime(format, grant.endsAt) }) : null} {t('supportAccess.grant.logged')}
            </p>
          </Notice>
          <ReadSection id="support-accounts" title={t('supportAccess.grant.accounts')} empty={t('supportAccess.grant.noAccounts')} count={view.data.supportAccounts.length}>
            <thead>
              <tr>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.roles')}</th>
                <th scope="col">{t('supportAccess.grant.company')}</th>
                <th scope="col">{t('supportAccess.grant.created')}</th>
              </tr>
            </thead>
            <tbody>
              {view.data.supportAccounts.map((account) => (
                <tr key={account.id ?? ''}>
                  <th scope="row" className="break-anywhere">
                    {account.email}
                  </th>
                  <td>{roleNames(account.roles)}</td>
                  <td>{companyName(account.organisationId)}</td>
                  <td>{format.dateTime(account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </ReadSection>
          <ReadSection id="support-companies" title={t('supportAccess.grant.companies')} empty={t('supportAccess.grant.noCompanies')} count={view.data.supportOrganisations.length}>
            <thead>
              <tr>
                <th scope="col">{t('fields.companyName')}</th>
                <th scope="col">{t('fields.vatNumber')}</th>
                <th scope="col">{t('supportAccess.grant.address')}</th>
                <th scope="col">{t('fields.companyEmail')}</th>
                <th scope="col">{t('fields.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {view.data.supportOrganisations.map((company) => (
                <tr key={company.id ?? ''}>
                  <th scope="row">{company.name}</th>
                  <td>{company.vatNumber ?? company.companyNumber}</td>
                  <td>
                    {company.street}
                    <br />
                    {[company.postalCode, company.city].filter(Boolean).join(' ')}
                    <br />
                    {format.country(company.country)}
                  </td>
                  <td className="break-anywhere">{company.email}</td>
                  <td>{company.phone}</td>
                </tr>
              ))}
            </tbody>
          </ReadSection>
          <ReadSection id="support-applications" title={t('supportAccess.grant.applications')} empty={t('supportAccess.grant.noApplications')} count={view.data.supportCertificateApplications.length}>
            <thead>
              <tr>
                <th scope="col">{t('supportAccess.grant.consignee')}</th>
                <th scope="col">{t('supportAccess.grant.company')}</th>
                <th scope="col">{t('supportAccess.grant.state')}</th>
                <th scope="col">{t('supportAccess.grant.destination')}</th>
                <th scope="col">{t('supportAccess.grant.origin')}</th>
                <th scope="col">{t('supportAccess.grant.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {view.data.supportCertificateApplications.map((application) => (
                <tr key={application.id ?? ''}>
                  <th scope="row">{application.consigneeName}</th>
                  <td>{companyName(application.organisationId)}</td>
                  <td>{translateDynamic(`certificates.states.${application.state ?? ''}`) ?? application.state}</td>
                  <td>{format.country(application.consigneeCountry)}</td>
                  <td>{format.country(application.countryOfOrigin)}</td>
                  <td>{format.dateTime(application.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </ReadSection>
          <ReadSection id="support-datasheets" title={t('supportAccess.grant.datasheets')} empty={t('supportAccess.grant.noDatasheets')} count={view.data.supportDatasheets.length}>
            <thead>
              <tr>
                <th scope="col">{t('supportAccess.grant.publicCode')}</th>
                <th scope="col">{t('supportAccess.grant.company')}</th>
                <th scope="col">{t('supportAccess.grant.latestVersion')}</th>
                <th scope="col">{t('supportAccess.grant.state')}</th>
                <th scope="col">{t('supportAccess.grant.created')}</th>
              </tr>
            </thead>
            <tbody>
              {view.data.supportDatasheets.map((datasheet) => (
                <tr key={datasheet.id ?? ''}>
                  <th scope="row">
                    <code>{datasheet.publicCode}</code>
                  </th>
                  <td>{companyName(datasheet.organisationId)}</td>
                  <td>{datasheet.latestVersion ?? '—'}</td>
                  <td>{datasheet.latestState ? (translateDynamic(`datasheets.states.${datasheet.latestState}`) ?? datasheet.latestState) : '—'}</td>
                  <td>{format.dateTime(datasheet.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </ReadSection>
        </>
      ) : null}
    </>
  );
}

/** One kind of record the grant shows: a heading, then its table or a sentence saying there is none. */
function ReadSection({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {count === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            {children}
          </table>
        </div>
      )}
    </section>
  );
}
