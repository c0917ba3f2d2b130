import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPersonalDataAccessesQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { translateDynamic } from '../../i18n/errors';

export type AccessRow = MyPersonalDataAccessesQuery['myPersonalDataAccesses'][number];

/** Names of personal-data categories in the reader's language (the code when we have no name). */
export function categoryName(category: string): string {
  return translateDynamic(`dataCategories.${category}`) ?? category;
}

export function roleNames(roles: readonly string[] | null | undefined): string {
  return (roles ?? []).map((role) => translateDynamic(`roles.${role}`) ?? role).join(', ');
}

/** Reads of personal data: when, who (kind, roles), through which operation, which categories and fields. */
export function AccessTable({ rows, caption, showSubject }: { rows: AccessRow[]; caption: string; showSubject: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accesses.when')}</th>
            <th scope="col">{t('accesses.who')}</th>
            {showSubject ? <th scope="col">{t('accesses.subject')}</th> : null}
            <th scope="col">{t('accesses.operation')}</th>
            <th scope="col">{t('accesses.categories')}</th>
            <th scope="col">{t('accesses.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? ''}>
              <td>{format.dateTime(row.occurredAt)}</td>
              <td>
                {translateDynamic(`actorKinds.${row.accessorKind ?? ''}`) ?? row.accessorKind}
                {row.accessorRoles?.length ? <span className="muted"> ({roleNames(row.accessorRoles)})</span> : null}
                {showSubject && row.accessorId ? (
                  <>
                    <br />
                    <code className="id">{row.accessorId}</code>
                  </>
                ) : null}
              </td>
              {showSubject ? (
                <td>
                  {translateDynamic(`subjectTypes.${row.subjectType ?? ''}`) ?? row.subjectType}
                  <br />
                  {row.subjectType === 'user' && row.subjectId ? (
                    <Link to={`/app/privacy/users/${row.subjectId}`}>
                      <code className="id">{row.subjectId}</code>
                    </Link>
                  ) : (
                    <code className="id">{row.subjectId}</code>
                  )}
                </td>
              ) : null}
              <td>
                <code>{row.operation}</code>
              </td>
              <td>{(row.categories ?? []).map(categoryName).join(', ')}</td>
              <td>
                <ul className="plain-list">
                  {(row.fields ?? []).map((field) => (
                    <li key={field}>
                      <code>{field}</code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
