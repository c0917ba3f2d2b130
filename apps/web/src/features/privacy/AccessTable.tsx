import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPersonalDataAccessesQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { translateDynamic } from '../../i18n/errors';
import { categoryName } from './shared';
import { FIELD_LABELS, OPERATION_PURPOSES, parseRecordedOperation } from './access-labels';

export type AccessRow = MyPersonalDataAccessesQuery['myPersonalDataAccesses'][number];


export function roleNames(roles: readonly string[] | null | undefined): string {
  return (roles ?? []).map((role) => translateDynamic(`roles.${role}`) ?? role).join(', ');
}

/** What an API operation that read personal data was for, in the reader's language (the code when we have no words). */
export function operationPurpose(operation: string): string {
  const purpose = OPERATION_PURPOSES[operation];
  return (purpose ? translateDynamic(`accessPurposes.${purpose}`) : null) ?? operation;
}

/** The data an `Entity.field` holds, in the reader's language (the code when we have no words). */
export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  return (label ? translateDynamic(`personalDataFields.${label}`) : null) ?? field;
}

const unique = (texts: string[]) => [...new Set(texts)];

/**
 * Reads of personal data: when, who (kind, roles), what for, which categories and which data. In words
 * first; the privacy officer (`showSubject`) also sees the operation and field codes they investigate
 * with, the person reading about themself finds them folded away.
 */
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
                <OperationCell operation={row.operation ?? ''} showCodes={showSubject} />
              </td>
              <td>{(row.categories ?? []).map(categoryName).join(', ')}</td>
              <td>
                {showSubject ? (
                  <ul className="plain-list">
                    {(row.fields ?? []).map((field) => (
                      <li key={field}>
                        {fieldLabel(field)} <code className="muted">{field}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <>
                    <ul className="plain-list">
                      {unique((row.fields ?? []).map(fieldLabel)).map((label) => (
                        <li key={label}>{label}</li>
                      ))}
                    </ul>
                    <details>
                      <summary>{t('accessLabels.codes')}</summary>
                      <code>{row.operation}</code>
                      <ul className="plain-list">
                        {(row.fields ?? []).map((field) => (
                          <li key={field}>
                            <code>{field}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the read was for, and the support grant it was made under; the codes too for the privacy officer. */
function OperationCell({ operation, showCodes }: { operation: string; showCodes: boolean }) {
  const { t } = useTranslation();
  const recorded = parseRecordedOperation(operation);
  return (
    <>
      {unique(recorded.operations.map(operationPurpose)).join('; ')}
      {recorded.supportGrant ? <span className="cell-note">{t('accessLabels.underSupportGrant', { purpose: recorded.supportGrant.purpose })}</span> : null}
      {showCodes ? (
        <span className="cell-note">
          <code>{operation}</code>
        </span>
      ) : null}
    </>
  );
}
