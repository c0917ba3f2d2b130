import { useTranslation } from 'react-i18next';
import type { DatasheetVersionsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { StateBadge } from './datasheet-shared';

export type DatasheetVersionRow = DatasheetVersionsQuery['datasheetVersions'][number];

/** Every version of a datasheet with its state and the date of each step. */
export function VersionsTable({ versions }: { versions: readonly DatasheetVersionRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-label={t('datasheets.versions.title')} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{t('datasheets.versions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('datasheets.versions.number')}</th>
            <th scope="col">{t('datasheets.versions.state')}</th>
            <th scope="col">{t('datasheets.versions.created')}</th>
            <th scope="col">{t('datasheets.versions.submitted')}</th>
            <th scope="col">{t('datasheets.versions.approved')}</th>
            <th scope="col">{t('datasheets.versions.published')}</th>
            <th scope="col">{t('datasheets.versions.ended')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((version) => (
            <tr key={version.id ?? ''}>
              <th scope="row" className="numeric">
                {version.number}
              </th>
              <td>
                <StateBadge state={version.state} />
              </td>
              <td>{format.dateTime(version.createdAt)}</td>
              <td>{format.dateTime(version.submittedAt)}</td>
              <td>{format.dateTime(version.approvedAt)}</td>
              <td>{format.dateTime(version.publishedAt)}</td>
              <td>{format.dateTime(version.supersededAt ?? version.unpublishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
