import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSubjectRequestType } from '../../gql/graphql';
import { translateDynamic } from '../../i18n/errors';

/** The rights a person may exercise (GDPR Art. 15–21), in the order the form offers them. */
export const REQUEST_TYPES: DataSubjectRequestType[] = ['ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY', 'CONSENT_WITHDRAWAL'];

/** The screens' own sentences for the privacy desk's refusals (docs/errors.md), keyed by reason. */
export const PRIVACY_REASONS = [
  'REQUEST_NOT_FOUND',
  'REQUEST_LINK_INVALID',
  'EXTENSION_NOT_ALLOWED',
  'IDENTITY_NOT_VERIFIED',
  'IDENTITY_CHECK_NOT_DUE',
  'REQUEST_CLOSED',
  'WRONG_REQUEST_TYPE',
  'NO_ACCOUNT_FOR_REQUEST',
  'LEGAL_HOLD_IN_FORCE',
  'HELD_RECORD_NOT_FOUND',
  'UNKNOWN_TENANT_SLUG',
  'BREACH_REFERENCE_TAKEN',
  'NOT_NOTIFIABLE_REASON_REQUIRED',
  'AWARENESS_IN_THE_FUTURE',
  'BREACH_TIMES_OUT_OF_ORDER',
  'DELAY_REASON_REQUIRED',
  'AUTHORITY_ALREADY_NOTIFIED',
  'BREACH_NOT_NOTIFIABLE',
  'SUBJECTS_NOTIFICATION_NOT_DUE',
  'SUBJECTS_ALREADY_NOTIFIED',
  'INVOLVED_COMPANY_NOT_FOUND',
  'RESTRICTION_NOT_IN_FORCE',
] as const;

/** Overrides for `<Form>` and `describeError`: the privacy desk's reasons as sentences in the reader's language. */
export function usePrivacyReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(PRIVACY_REASONS.map((reason) => [reason, t(`privacyDesk.reasons.${reason}`)])), [t]);
}

/** A `datetime-local` value (the reader's local time) as an ISO instant, or null when empty or malformed. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * When the restriction a restriction request put in place was lifted, read from the request's answer
 * (the API writes `{"restricted":false,"liftedAt":…}` there when the officer lifts it); null while in force.
 */
export function restrictionLiftedAt(outcome: string | null | undefined): string | null {
  try {
    const answer = JSON.parse(outcome ?? 'null') as { restricted?: unknown; liftedAt?: unknown } | null;
    return answer && answer.restricted === false && typeof answer.liftedAt === 'string' ? answer.liftedAt : null;
  } catch {
    return null;
  }
}

/** Names of personal-data categories in the reader's language (the code when we have no name). */
export function categoryName(category: string): string {
  return translateDynamic(`dataCategories.${category}`) ?? category;
}
