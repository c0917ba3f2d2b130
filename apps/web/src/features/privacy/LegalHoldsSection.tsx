import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';
import { recordTypeName } from '../staff/audit-labels';
import { usePrivacyReasons } from './shared';
import { isUuid } from '../../ui/typed-values';

// PRIVACY_OFFICER and TENANT_ADMIN @ownTenant read every field of LegalHold (docs/visibility-matrix.md).
const LegalHolds = graphql(`
  query LegalHolds {
    legalHolds {
      id
      record
      reason
      placedAt
    }
  }
`);

const PlaceLegalHold = graphql(`
  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {
    placeLegalHold(input: $input)
  }
`);

const ReleaseLegalHold = graphql(`
  mutation ReleaseLegalHold($holdId: ID!) {
    releaseLegalHold(holdId: $holdId)
  }
`);

/** The kinds of record a hold can name (the API's LEGAL_HOLD_KINDS: the kinds the retention sweep matches). */
const RECORD_KINDS = [
  'User',
  'CertificateApplication',
  'CertificateOfOrigin',
  'Datasheet',
  'DatasheetVersion',
  'DataSubjectRequest',
  'ContactDisclosureAcknowledgement',
  'Invitation',
  'OutboxMessage',
  'ProjectDistribution',
  'Session',
  'SubProcessorObjection',
] as const;


/**
 * The tenant's legal holds in force (Art. 17(3)(e)): the retention sweep and erasure leave their
 * records alone until they are released. Placing and releasing are audited by the API.
 */
export function LegalHoldsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = usePrivacyReasons();
  const loaded = useLoad(() => request(LegalHolds));
  const [kind, setKind] = useState<string>(RECORD_KINDS[0]);
  const [recordId, setRecordId] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const holds = loaded.data?.legalHolds ?? [];

  const place = useAction(async () => {
    const id = recordId.trim().toLowerCase();
    const problems = [
      ...(isUuid(id) ? [] : [{ field: 'input.record', reason: 'not an id', constraint: 'isUuid' }]),
      ...(reason.trim().length >= 3 ? [] : [{ field: 'input.reason', reason: 'too short', constraint: 'isLength' }]),
    ];
    if (problems.length > 0) throw clientError(problems);
    await request(PlaceLegalHold, { input: { record: `${kind}:${id}`, reason: reason.trim() } });
    setNotice(t('legalHolds.placed', { record: heldRecordText(`${kind}:${id}`) }));
    setRecordId('');
    setReason('');
    loaded.reload();
  });
  const release = useAction(async (hold: { id: string | null; record: string | null }) => {
    if (!hold.id) return;
    await request(ReleaseLegalHold, { holdId: hold.id });
    setNotice(t('legalHolds.released', { record: heldRecordText(hold.record ?? '') }));
    loaded.reload();
  });

  return (
    <section aria-labelledby="legal-holds-title" className="panel">
      <h2 id="legal-holds-title">{t('legalHolds.title')}</h2>
      <p>{t('legalHolds.lead')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={release.error} />
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.data && holds.length === 0 ? <p>{t('legalHolds.none')}</p> : null}
      {holds.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('legalHolds.inForce')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('legalHolds.inForce')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('legalHolds.record')}</th>
                <th scope="col">{t('legalHolds.reason')}</th>
                <th scope="col">{t('legalHolds.placedOn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('legalHolds.release')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.map((hold) => (
                <tr key={hold.id ?? ''}>
                  <th scope="row">
                    <HeldRecord record={hold.record ?? ''} />
                  </th>
                  <td>{hold.reason}</td>
                  <td>{hold.placedAt ? format.date(hold.placedAt) : ''}</td>
                  <td>
                    <button type="button" className="button button--secondary button--small" disabled={release.pending} onClick={() => void release.run(hold)}>
                      {t('legalHolds.release')}
                      <span className="visually-hidden"> {heldRecordText(hold.record ?? '')}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>{t('legalHolds.placeTitle')}</h3>
      <Form error={place.error} overrides={reasons} onSubmit={() => void place.run()} idScope="legal-hold-">
        <SelectField name="recordKind" label={t('legalHolds.kind')} value={kind} onValue={setKind} options={RECORD_KINDS.map((value) => ({ value, label: recordTypeName(value) }))} />
        <TextField name="input.record" label={t('legalHolds.recordId')} hint={t('legalHolds.recordIdHint')} value={recordId} onValue={setRecordId} autoComplete="off" spellCheck={false} />
        <TextField name="input.reason" label={t('legalHolds.reason')} hint={t('legalHolds.reasonHint')} value={reason} onValue={setReason} maxLength={1000} />
        <SubmitButton pending={place.pending} pendingLabel={t('common.saving')}>
          {t('legalHolds.place')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** A held record as the API names it (`Kind:id`), its kind in words: `Certificate application 2f0c…`. */
function heldRecordText(record: string): string {
  const [kind, id] = record.split(':', 2);
  return id ? `${recordTypeName(kind!)} ${id}` : record;
}

/** A held record (`Kind:id`): its kind in words, its id as the code it is. */
function HeldRecord({ record }: { record: string }) {
  const [kind, id] = record.split(':', 2);
  if (!id) return <code>{record}</code>;
  return (
    <>
      {recordTypeName(kind!)}
      <br />
      <code className="id">{id}</code>
    </>
  );
}
