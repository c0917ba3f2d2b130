import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { InvoicingLinesQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { downloadText } from '../../ui/download';
import { LoadError, Loading } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { CompanyChoice } from './CompanyChoice';
import { invoicingCsv } from './invoicing-csv';

// TENANT_ADMIN and AUDITOR of the chamber (ReadCertificateBilling); the fields are theirs alone.
const InvoicingLines = graphql(`
  query InvoicingLines($month: String!, $organisationId: ID) {
    certificateBillableLines(month: $month, organisationId: $organisationId) {
      id
      organisationId
      organisationName
      organisationVatNumber
      certificateNumber
      kind
      copyNumber
      member
      amountCents
      currency
      occurredAt
    }
  }
`);


type Line = InvoicingLinesQuery['certificateBillableLines'][number];

/** Years offered: invoicing records are kept 7 years, and a few more. */
const YEARS_BACK = 10;
const ALL = '';

/** The month before `now`, in UTC (the API counts months in UTC). */
function previousMonth(now: Date): { year: number; month: number } {
  const month = now.getUTCMonth(); // 0-based: this month's index is last month's number
  return month === 0 ? { year: now.getUTCFullYear() - 1, month: 12 } : { year: now.getUTCFullYear(), month };
}

/** Totals per currency (a chamber that changed its currency mid-month has two). */
function totalsOf(lines: readonly Line[]): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency ?? '', (totals.get(line.currency ?? '') ?? 0) + (line.amountCents ?? 0));
  return [...totals.entries()];
}

/**
 * The chamber's invoicing export: the fees of the certificates issued and the copies made in a month,
 * per company, with their totals, to see and to download as CSV for the bookkeeping program.
 */
export default function InvoicingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useSession();
  const initial = useMemo(() => previousMonth(new Date()), []);
  const [year, setYear] = useState(initial.year);
  const [monthNumber, setMonthNumber] = useState(initial.month);
  const [organisationId, setOrganisationId] = useState(ALL);
  const [companyName, setCompanyName] = useState('');
  // Only ever built from the two lists below: the page cannot ask for a month that is not YYYY-MM.
  const month = `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;

  const lines = useLoad(async () => (await request(InvoicingLines, { month, organisationId: organisationId || null })).certificateBillableLines, [month, organisationId]);

  const monthNames = useMemo(() => {
    const names = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => names.format(new Date(Date.UTC(2000, i, 1))));
  }, [format.locale]);
  const monthLabel = useMemo(() => new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1))), [format.locale, year, monthNumber]);
  // The day the API counted the fee in (UTC), as the reader writes dates.
  const day = useMemo(() => new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' }), [format.locale]);
  const money = (cents: number, currency: string) => {
    try {
      return new Intl.NumberFormat(format.locale, { style: 'currency', currency }).format(cents / 100);
    } catch {
      return `${new Intl.NumberFormat(format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
    }
  };
  const moneyOf = (totals: Array<[string, number]>) => totals.map(([currency, cents]) => money(cents, currency)).join(' + ');

  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => new Date().getUTCFullYear() - i);
  if (!years.includes(year)) years.push(year);

  const rows = lines.data ?? [];
  const perCompany = useMemo(() => {
    const groups: Array<{ id: string; name: string; lines: Line[] }> = [];
    for (const line of rows) {
      const id = line.organisationId ?? '';
      const last = groups[groups.length - 1];
      if (last && last.id === id) last.lines.push(line);
      else groups.push({ id, name: line.organisationName ?? '', lines: [line] });
    }
    return groups;
  }, [rows]);

  const download = () => {
    const scope = organisationId ? `-${(companyName || organisationId).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
    downloadText(invoicingCsv(rows), `invoicing-${tenant?.slug ?? 'chamber'}-${month}${scope}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <PageTitle lead={t('invoicing.lead')}>{t('invoicing.title')}</PageTitle>
      <div className="filters">
        <SelectField name="month" label={t('invoicing.month')} value={String(monthNumber)} onValue={(value) => setMonthNumber(Number(value))}
          options={monthNames.map((name, i) => ({ value: String(i + 1), label: name }))} />
        <SelectField name="year" label={t('invoicing.year')} value={String(year)} onValue={(value) => setYear(Number(value))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <div className="filters">
        <CompanyChoice
          value={organisationId}
          chosenName={companyName}
          onValue={(id, name) => {
            setOrganisationId(id);
            setCompanyName(name);
          }}
        />
      </div>
      {lines.loading && !lines.data ? <Loading /> : null}
      {lines.error ? <LoadError error={lines.error} onRetry={lines.reload} /> : null}
      {lines.data && rows.length === 0 ? (
        <p>{organisationId ? t('invoicing.noneOfCompany', { company: companyName, month: monthLabel }) : t('invoicing.none', { month: monthLabel })}</p>
      ) : null}
      {lines.data && rows.length > 0 ? (
        <>
          <p>
            {t('invoicing.summary', { count: rows.length, month: monthLabel, total: moneyOf(totalsOf(rows)) })}{' '}
            <button type="button" className="button button--secondary" onClick={download}>
              {t('invoicing.download')}
            </button>
          </p>
          <div className="table-wrap" role="region" aria-label={t('invoicing.caption', { month: monthLabel })} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('invoicing.caption', { month: monthLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoicing.date')}</th>
                  <th scope="col">{t('invoicing.company')}</th>
                  <th scope="col">{t('invoicing.certificate')}</th>
                  <th scope="col">{t('invoicing.kind')}</th>
                  <th scope="col">{t('invoicing.memberPrice')}</th>
                  <th scope="col" className="numeric">{t('invoicing.amount')}</th>
                </tr>
              </thead>
              {perCompany.map((group) => (
                <tbody key={group.id}>
                  {group.lines.map((line) => (
                    <tr key={line.id ?? ''}>
                      <td>{line.occurredAt ? day.format(new Date(line.occurredAt)) : ''}</td>
                      <td>
                        {line.organisationName}
                        {line.organisationVatNumber ? (
                          <>
                            <br />
                            <span className="muted">{t('invoicing.vat', { number: line.organisationVatNumber })}</span>
                          </>
                        ) : null}
                      </td>
                      <td>{line.certificateNumber}</td>
                      <td>{line.kind === 'COPY' ? t('invoicing.copy', { number: line.copyNumber ?? '' }) : t('invoicing.issue')}</td>
                      <td>{line.member ? t('invoicing.yes') : t('invoicing.no')}</td>
                      <td className="numeric">{money(line.amountCents ?? 0, line.currency ?? '')}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" colSpan={5}>
                      {t('invoicing.totalOf', { company: group.name })}
                    </th>
                    <td className="numeric">
                      <strong>{moneyOf(totalsOf(group.lines))}</strong>
                    </td>
                  </tr>
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row" colSpan={5}>
                    {t('invoicing.total')}
                  </th>
                  <td className="numeric">
                    <strong>{moneyOf(totalsOf(rows))}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
      <p className="muted">{t('invoicing.note')}</p>
    </>
  );
}
