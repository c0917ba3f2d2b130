import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportGrantStatus } from '../../gql/graphql';
import { useFormat, type Formatters } from '../../i18n/format';

/** The screens' own sentences for support access's refusals (docs/errors.md, libs/privacy support-access.errors.ts), keyed by reason. */
export const SUPPORT_REASONS = ['SUPPORT_TENANT_NOT_FOUND', 'SUPPORT_GRANT_NOT_FOUND', 'SUPPORT_GRANT_NOT_PENDING', 'SUPPORT_GRANT_NOT_RUNNING', 'NO_ACTIVE_SUPPORT_GRANT'] as const;

/** Overrides for `<Form>`, `ErrorSummary` and `describeError`: support access's reasons as sentences in the reader's language. */
export function useSupportReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(SUPPORT_REASONS.map((reason) => [reason, t(`supportAccess.reasons.${reason}`)])), [t]);
}

/** What both sides read of a grant. */
export interface GrantTerms {
  id?: string | null;
  purpose?: string | null;
  durationMinutes?: number | null;
  requestedAt?: string | null;
  status?: SupportGrantStatus | null;
  decidedAt?: string | null;
  refusalReason?: string | null;
  endsAt?: string | null;
  endedAt?: string | null;
}

/**
 * The grant's status now: the API reads an approved grant past its end as EXPIRED when it answers;
 * a screen left open reads the clock the same way.
 */
export function statusNow(grant: GrantTerms, now = Date.now()): SupportGrantStatus | null {
  if (grant.status === 'APPROVED' && grant.endsAt && Date.parse(grant.endsAt) <= now) return 'EXPIRED';
  return grant.status ?? null;
}

export function isRunning(grant: GrantTerms, now = Date.now()): boolean {
  return statusNow(grant, now) === 'APPROVED';
}

/** A time of today as a time only ("14:30"), another day's with its date. */
export function timeOrDateTime(format: Formatters, iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? format.time(iso) : format.dateTime(iso);
}

/** A grant's duration in the reader's words: whole hours as hours, anything else in minutes. */
export function useDuration(): (minutes: number | null | undefined) => string {
  const { t } = useTranslation();
  return (minutes) => {
    if (minutes == null) return '';
    return minutes % 60 === 0 ? t('supportAccess.hours', { count: minutes / 60 }) : t('supportAccess.minutes', { count: minutes });
  };
}

/** The first words of a purpose, to name a grant's row in a button or link read aloud. */
export function shortPurpose(purpose: string | null | undefined): string {
  const text = (purpose ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Where a grant stands: awaiting a decision, running until …, refused (and why), ended early, expired. */
export function GrantStatusCell({ grant }: { grant: GrantTerms }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (statusNow(grant)) {
    case 'REQUESTED':
      return <span className="badge badge--info">{t('supportAccess.status.REQUESTED')}</span>;
    case 'APPROVED':
      return <span className="badge badge--alarm">{t('supportAccess.status.APPROVED', { date: format.dateTime(grant.endsAt) })}</span>;
    case 'REFUSED':
      return (
        <>
          <span className="badge badge--muted">{t('supportAccess.status.REFUSED', { date: format.dateTime(grant.decidedAt) })}</span>
          {grant.refusalReason ? <p className="muted">{t('supportAccess.refusalReason', { reason: grant.refusalReason })}</p> : null}
        </>
      );
    case 'ENDED':
      return <span className="badge badge--muted">{t('supportAccess.status.ENDED', { date: format.dateTime(grant.endedAt) })}</span>;
    case 'EXPIRED':
      return <span className="badge badge--muted">{t('supportAccess.status.EXPIRED', { date: format.dateTime(grant.endsAt) })}</span>;
    default:
      return null;
  }
}
