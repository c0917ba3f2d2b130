import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { ChangesTable, ObjectionsTable, useSubProcessorReasons } from './SubProcessorsPage';

const AnnouncedSubProcessorChanges = graphql(`
  query AnnouncedSubProcessorChanges($slug: String!) {
    subProcessorChanges(tenantSlug: $slug) {
      id
      kind
      description
      announcedAt
      objectionDeadline
      effectiveAt
    }
    lodgedSubProcessorObjections {
      id
      changeId
      reason
      objectedAt
    }
  }
`);

const ObjectToSubProcessorChange = graphql(`
  mutation ObjectToSubProcessorChange($input: ObjectToSubProcessorChangeInput!) {
    objectToSubProcessorChange(input: $input) {
      id
      objectedAt
    }
  }
`);

/**
 * The chamber's announced changes of its sub-processors, as its customer (the company's
 * administrator) sees them: each with its objection window, and an objection while it is open.
 */
export default function SubProcessorChangesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const reasons = useSubProcessorReasons();
  const slug = session?.tenantSlug ?? '';
  const loaded = useLoad(() => request(AnnouncedSubProcessorChanges, { slug }), [slug]);
  const [objecting, setObjecting] = useState<{ id: string; description: string } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (objecting) formHeading.current?.focus();
  }, [objecting]);

  const object = useAction(async () => {
    if (!objecting) return;
    if (!reason.trim()) throw clientError([{ field: 'input.reason', reason: 'required', constraint: 'required' }]);
    const result = await request(ObjectToSubProcessorChange, { input: { changeId: objecting.id, reason: reason.trim() } });
    setNotice(t('subProcessors.objected', { description: objecting.description, date: format.dateTime(result.objectToSubProcessorChange.objectedAt) }));
    setObjecting(null);
    setReason('');
    loaded.reload();
  });

  if (!slug) return null;
  const now = Date.now();
  return (
    <>
      <PageTitle lead={t('subProcessors.customerLead')}>{t('subProcessors.customerTitle')}</PageTitle>
      <p>
        <Link to={`/privacy/${slug}`}>{t('subProcessors.publicPage')}</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.data ? (
        <ChangesTable
          changes={loaded.data.subProcessorChanges}
          actions={(change) => {
            const lodged = loaded.data!.lodgedSubProcessorObjections.find((objection) => objection.changeId === change.id);
            if (lodged) return <span className="badge badge--info">{t('subProcessors.objectedBadge', { date: format.date(lodged.objectedAt) })}</span>;
            return Date.parse(change.objectionDeadline ?? '') > now ? (
              <button type="button" className="button button--secondary button--small" onClick={() => (setObjecting({ id: change.id ?? '', description: change.description ?? '' }), setNotice(null), object.setError(null))}>
                {t('subProcessors.object')}
                <span className="visually-hidden"> {change.description}</span>
              </button>
            ) : null;
          }}
        />
      ) : null}
      {loaded.data ? (
        <ObjectionsTable
          title={t('subProcessors.lodgedTitle')}
          objections={loaded.data.lodgedSubProcessorObjections}
          changeDescription={(changeId) => loaded.data!.subProcessorChanges.find((change) => change.id === changeId)?.description ?? ''}
        />
      ) : null}
      {objecting ? (
        <section aria-labelledby="object-title" className="panel">
          <h2 id="object-title" ref={formHeading} tabIndex={-1}>
            {t('subProcessors.objectTitle', { description: objecting.description })}
          </h2>
          <p>{t('subProcessors.objectLead')}</p>
          <Form error={object.error} overrides={reasons} onSubmit={() => void object.run()} idScope="object-">
            <FieldShell name="input.reason" label={t('subProcessors.reason')} hint={t('subProcessors.reasonHint')}>
              {(a11y) => <textarea {...a11y} rows={4} value={reason} onChange={(event) => setReason(event.target.value)} />}
            </FieldShell>
            <div className="button-row">
              <SubmitButton pending={object.pending} pendingLabel={t('common.saving')}>
                {t('subProcessors.submitObjection')}
              </SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => setObjecting(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
