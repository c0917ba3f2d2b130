import { ApplicationState } from './entities/certificate-application.entity';
import { CertificateStatus } from './entities/certificate.entity';
import { CertificateErrors } from './certificates.errors';

/**
 * Every state change of an application and of a certificate, in one place (SPEC §2):
 *
 *   DRAFT → SUBMITTED → IN_REVIEW (claimed by one clerk) → CHANGES_REQUESTED → SUBMITTED …
 *                                                        → REJECTED
 *                                                        → APPROVED → ISSUED (signed)
 *   certificate: ISSUED → REVOKED | SUPERSEDED
 *
 * Services ask `assertTransition` before they write; anything not listed is a CONFLICT that names
 * both states. The database row is locked first, so the state checked is the state changed.
 */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationState, readonly ApplicationState[]>> = {
  [ApplicationState.DRAFT]: [ApplicationState.SUBMITTED],
  [ApplicationState.SUBMITTED]: [ApplicationState.IN_REVIEW],
  [ApplicationState.IN_REVIEW]: [ApplicationState.CHANGES_REQUESTED, ApplicationState.REJECTED, ApplicationState.APPROVED],
  [ApplicationState.CHANGES_REQUESTED]: [ApplicationState.SUBMITTED],
  [ApplicationState.REJECTED]: [],
  [ApplicationState.APPROVED]: [ApplicationState.ISSUED],
  [ApplicationState.ISSUED]: [],
};

export const CERTIFICATE_TRANSITIONS: Readonly<Record<CertificateStatus, readonly CertificateStatus[]>> = {
  [CertificateStatus.ISSUED]: [CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED],
  [CertificateStatus.REVOKED]: [],
  [CertificateStatus.SUPERSEDED]: [],
};

/** The states in which the company may still change its application. */
export const EDITABLE_STATES: readonly ApplicationState[] = [ApplicationState.DRAFT, ApplicationState.CHANGES_REQUESTED];

export function isAllowedTransition(from: ApplicationState, to: ApplicationState): boolean {
  return APPLICATION_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertTransition(from: ApplicationState, to: ApplicationState): void {
  if (!isAllowedTransition(from, to)) {
    throw CertificateErrors.ILLEGAL_TRANSITION(`An application in state ${from} cannot move to ${to}`, { details: { from, to } });
  }
}

export function assertCertificateTransition(from: CertificateStatus, to: CertificateStatus): void {
  if (!(CERTIFICATE_TRANSITIONS[from]?.includes(to) ?? false)) {
    throw CertificateErrors.ILLEGAL_TRANSITION(`A certificate in status ${from} cannot move to ${to}`, { details: { from, to } });
  }
}

export function assertEditable(state: ApplicationState): void {
  if (!EDITABLE_STATES.includes(state)) {
    throw CertificateErrors.NOT_EDITABLE(`An application in state ${state} cannot be edited`, { details: { state } });
  }
}
