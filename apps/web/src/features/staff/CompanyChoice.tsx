import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { LoadError } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { useLoad, useSettled } from '../../ui/use-api';

// Staff: the tenant's confirmed companies, by part of their name (the API's `organisations`).
const StaffCompanies = graphql(`
  query StaffCompanies($nameContains: String, $first: Int) {
    organisations(nameContains: $nameContains, first: $first) {
      id
      name
    }
  }
`);

/** Companies offered without a search (the API's page limit); any other is found by part of its name. */
const COMPANY_CHOICES = 100;

/**
 * A staff member's choice of one of the tenant's companies (or all: ''): a search by part of the name
 * and the list it finds. `onValue` gets the company's name with its id; the chosen company stays
 * offered while another search runs, under `chosenName`. Used by the invoicing export and the
 * chamber's review queue.
 */
export function CompanyChoice({ value, onValue, chosenName }: { value: string; onValue: (organisationId: string, name: string) => void; chosenName?: string | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const nameContains = useSettled(search.trim().slice(0, 100));
  const companies = useLoad(async () => (await request(StaffCompanies, { nameContains: nameContains || null, first: COMPANY_CHOICES })).organisations, [nameContains]);
  const options = [{ value: '', label: t('companyChoice.allCompanies') }, ...(companies.data ?? []).map((c) => ({ value: c.id ?? '', label: c.name ?? '' }))];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: chosenName || t('companyChoice.chosenCompany') });
  return (
    <>
      <TextField name="companySearch" type="search" label={t('companyChoice.findCompany')} hint={t('companyChoice.findCompanyHint')} optional maxLength={100} value={search} onValue={setSearch} />
      <SelectField
        name="organisationId"
        label={t('companyChoice.company')}
        value={value}
        onValue={(id) => onValue(id, id ? options.find((o) => o.value === id)?.label ?? '' : '')}
        options={options}
      />
      {companies.error ? <LoadError error={companies.error} onRetry={companies.reload} /> : null}
    </>
  );
}
