import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { LoadError } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { OutOfBandResetDone, OutOfBandSecondFactorResetForm } from '../account/OutOfBandSecondFactorReset';
import { CompanyChoice } from '../staff/CompanyChoice';

// The chosen company alone, read when chosen: its number on record as it stands now, and whether it requires a second factor.
const CompanyToReset = graphql(`
  query CompanyToReset($id: ID!) {
    organisation(id: $id) {
      id
      name
      phone
      loginMethod
    }
  }
`);

const ResetCompanyAdministratorSecondFactor = graphql(`
  mutation ResetCompanyAdministratorSecondFactor($input: ResetCompanyAdministratorSecondFactorInput!) {
    resetCompanyAdministratorSecondFactor(input: $input) {
      organisationId
      administratorId
      resetAt
    }
  }
`);

/**
 * The tenant's administrator removes the second factor of a company's only active administrator, who
 * lost both the phone and the recovery codes, after calling them back on the company's number on record,
 * under the support case's reference (kept in the tenant's audit log), as the operator does for a
 * tenant's only administrator. The server refuses while the company has another active administrator
 * (they reset it from the company's users page), for an address that is not an active administrator of
 * that company, and when there is nothing to reset; it asks for a second-factor step-up first (the api
 * client's prompt). The administrator is e-mailed, their sessions end, and their password stays.
 */
export default function ResetCompanyAdministratorSecondFactorPage() {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [done, setDone] = useState<{ company: string; email: string; reference: string; enrolsAtLogin: boolean } | null>(null);

  const chosen = useLoad(async () => (organisationId ? (await request(CompanyToReset, { id: organisationId })).organisation : null), [organisationId]);
  const company = chosen.data?.id === organisationId ? chosen.data : null;

  const companyName = company?.name ?? '';

  const reset = async ({ email, reference }: { email: string; reference: string }) => {
    setDone(null);
    await request(ResetCompanyAdministratorSecondFactor, { input: { organisationId, email, reference } });
    // What the next login asks depends on the company's login method (a company administrator's role requires no second factor).
    setDone({ company: companyName, email, reference, enrolsAtLogin: company?.loginMethod === 'PASSWORD_AND_TOTP' });
    setOrganisationId('');
  };

  return (
    <div className="medium">
      <PageTitle lead={t('companyAdministratorReset.lead')}>{t('companyAdministratorReset.title')}</PageTitle>
      {done ? (
        <OutOfBandResetDone
          messages="companyAdministratorReset"
          summary={t('companyAdministratorReset.done', done)}
          nextLogin={done.enrolsAtLogin ? t('companyAdministratorReset.nextLoginEnrol') : t('companyAdministratorReset.nextLoginPassword')}
        />
      ) : null}
      <p>
        {t('companyAdministratorReset.noAdministrator')} <Link to="/app/users">{t('companyAdministratorReset.appointLink')}</Link>
      </p>
      <OutOfBandSecondFactorResetForm
        messages="companyAdministratorReset"
        reasons={{ otherAdministrator: 'COMPANY_HAS_OTHER_ADMINISTRATOR', notAdministrator: 'NOT_COMPANY_ADMINISTRATOR' }}
        scopeProblems={() => (organisationId ? [] : [{ field: 'input.organisationId', reason: 'required', constraint: 'required' }])}
        reset={reset}
        scope={
          <>
            <CompanyChoice
              name="input.organisationId"
              value={organisationId}
              onValue={(id) => setOrganisationId(id)}
              chosenName={company?.name}
              emptyLabel={t('companyChoice.chooseCompany')}
              hint={company ? (company.phone ? t('companyAdministratorReset.companyPhone', { phone: company.phone }) : t('companyAdministratorReset.companyNoPhone')) : undefined}
            />
            {chosen.error ? <LoadError error={chosen.error} onRetry={chosen.reload} /> : null}
          </>
        }
      />
    </div>
  );
}
