import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';

/** The screens' own sentences for offboarding's refusals (docs/errors.md, libs/privacy tenant-offboarding.errors.ts), keyed by reason. */
export const OFFBOARDING_REASONS = [
  'OFFBOARDING_TENANT_NOT_FOUND',
  'OFFBOARDING_ALREADY_FILED',
  'OFFBOARDING_NOT_FOUND',
  'OFFBOARDING_NOT_PENDING',
  'OFFBOARDING_NOT_CONFIRMED',
  'DESTRUCTION_NOT_DUE',
  'ARCHIVE_STALE',
] as const;

/** The refusals of a withdrawal, declining or revocation (and of every later step on a withdrawn departure). */
export const WITHDRAWAL_REASONS = ['OFFBOARDING_WITHDRAWN', 'OFFBOARDING_WAIT_OVER'] as const;

/** The longest reason the API takes for a withdrawal. */
export const WITHDRAWAL_REASON_MAX = 1000;

/**
 * The waiting period between the administrator's confirmation and the earliest destruction
 * (`OFFBOARDING_WAITING_DAYS` in libs/privacy tenant-offboarding.service.ts). The API does not
 * publish it; a confirmed departure carries its own end (`destroyNotBefore`), which the screens prefer.
 */
export const WAITING_DAYS = 30;

/** Overrides for `<Form>`, `ErrorSummary` and `describeError`: offboarding's reasons as sentences in the reader's language. */
export function useOffboardingReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(
    () =>
      Object.fromEntries([
        ...OFFBOARDING_REASONS.map((reason) => [reason, t(`offboarding.reasons.${reason}`)]),
        ...WITHDRAWAL_REASONS.map((reason) => [reason, t(`offboarding.withdrawal.reasons.${reason}`)]),
        ['reason.required', t('offboarding.withdrawal.reasonRequired')],
      ]),
    [t],
  );
}

/** What both sides read of a departure. */
export interface DepartureTerms {
  status?: 'REQUESTED' | 'CONFIRMED' | 'WITHDRAWN' | null;
  destroyNotBefore?: string | null;
  exportedAt?: string | null;
}

/** Where a departure stands, as the database decides whether it may be destroyed (confirmed, archive taken, waiting period over). */
export type DepartureStage = 'awaitingConfirmation' | 'awaitingArchive' | 'waiting' | 'due' | 'withdrawn';

export function stageOf(departure: DepartureTerms, now = Date.now()): DepartureStage {
  if (departure.status === 'WITHDRAWN') return 'withdrawn';
  if (departure.status !== 'CONFIRMED') return 'awaitingConfirmation';
  if (!departure.exportedAt) return 'awaitingArchive';
  if (departure.destroyNotBefore && Date.parse(departure.destroyNotBefore) > now) return 'waiting';
  return 'due';
}

/**
 * A refusal shown inside a dialog about one act: its sentence only. The API names the id it refused
 * (`tenantId`, `offboardingId`), which is no input of the dialog, so no link to a field is offered.
 */
export function withoutFields(error: ApiError | null): ApiError | null {
  return error ? new ApiError(error.code, error.message, error.reason, [], error.requestId) : null;
}

/** A refusal of a withdrawal dialog: its reason field keeps its link; the ids it names (no input of the dialog) do not. */
export function withReasonFieldOnly(error: unknown): ApiError {
  const refused = ApiError.of(error);
  return new ApiError(refused.code, refused.message, refused.reason, refused.fields.filter((problem) => problem.field === 'reason'), refused.requestId);
}
