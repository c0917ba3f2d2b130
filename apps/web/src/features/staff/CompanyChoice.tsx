import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { LoadError } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { useLoad, useSettled } from '../../ui/use-api';

// Staff: the tenant's confirmed companies, by part of their name (the API's `organisations`); names and cities only.
const StaffCompanies = graphql(`
  query StaffCompanies($nameContains: String, $first: Int) {
    organisations(nameContains: $nameContains, first: $first) {
      id
      name
      city
    }
  }
`);

/** Companies offered without a search (the API's page limit); any other is found by part of its name. */
const COMPANY_CHOICES = 100;

/** Enter in the search box narrows the list; it does not send the form around it. */
function keepEnterInSearch(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter') event.preventDefault();
}

/**
 * A staff member's choice of one of the tenant's companies: a search by part of the name and the list
 * it finds ("Name (City)"). The empty choice ('') is all companies, or `emptyLabel` where one must be
 * chosen. `onValue` gets the company's name with its id; the chosen company stays offered while another
 * search runs, under `chosenName`. Used by the invoicing export, the chamber's review queue and the
 * reset of a company administrator's second factor.
 */
export function CompanyChoice({ value, onValue, chosenName, name = 'organisationId', emptyLabel, hint }: {
  value: string;
  onValue: (organisationId: string, name: string) => void;
  chosenName?: string | null;
  /** The select's field name, as refusals name it (e.g. `input.organisationId`). */
  name?: string;
  emptyLabel?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const nameContains = useSettled(search.trim().slice(0, 100));
  const companies = useLoad(async () => (await request(StaffCompanies, { nameContains: nameContains || null, first: COMPANY_CHOICES })).organisations, [nameContains]);
  const found = (companies.data ?? []).map((c) => ({ value: c.id ?? '', label: c.city ? `${c.name ?? ''} (${c.city})` : (c.name ?? ''), name: c.name ?? '' }));
  if (value && !found.some((o) => o.value === value)) {
    const shown = chosenName || t('companyChoice.chosenCompany');
    found.unshift({ value, label: shown, name: chosenName ?? '' });
  }
  const nothingFound = companies.data !== null && companies.data.length === 0 && nameContains !== '';
  return (
    <>
      <TextField
        name="companySearch"
        type="search"
        label={t('companyChoice.findCompany')}
        hint={t('companyChoice.findCompanyHint')}
        optional
        maxLength={100}
        autoComplete="off"
        value={search}
        onValue={setSearch}
        onKeyDown={keepEnterInSearch}
      />
      {nothingFound ? <p role="status">{t('companyChoice.noCompanyFound', { name: nameContains })}</p> : null}
      {companies.error ? <LoadError error={companies.error} onRetry={companies.reload} /> : null}
      <SelectField
        name={name}
        label={t('companyChoice.company')}
        hint={hint}
        value={value}
        onValue={(id) => onValue(id, found.find((o) => o.value === id)?.name ?? '')}
        options={[{ value: '', label: emptyLabel ?? t('companyChoice.allCompanies') }, ...found.map(({ value: id, label }) => ({ value: id, label }))]}
      />
    </>
  );
}
