import { ApplicationState } from './entities/certificate-application.entity';
import { CertificateStatus } from './entities/certificate.entity';
import { CertificateErrors } from './certificates.errors';

/**
 * Every state change of an application and of a certificate, in one place (SPEC §2):
 *
 *   DRAFT → SUBMITTED → IN_REVIEW (claimed by one clerk) → CHANGES_REQUESTED → SUBMITTED …
 *           SUBMITTED, CHANGES_REQUESTED → WITHDRAWN (by the company, before a decision)
 *                                                        → REJECTED
 *                                                        → APPROVED → ISSUED (signed)
 *                                                        → SUBMITTED (the claim released: back to the queue)
 *   certificate: ISSUED → REVOKED | SUPERSEDED
 *
 * Two steps lead to SUBMITTED (the company's submission, a clerk's release), so each step names the
 * states it starts from; the transitions are their union. Services ask `assertStep` (or
 * `assertTransition`) before they write; anything not listed is a CONFLICT that names both states.
 * The database row is locked first, so the state checked is the state changed.
 */
export type ApplicationStep = 'submit' | 'withdraw' | 'claim' | 'release' | 'requestChanges' | 'reject' | 'approve' | 'sign';

export const APPLICATION_STEPS: Readonly<Record<ApplicationStep, { readonly from: readonly ApplicationState[]; readonly to: ApplicationState }>> = {
  submit: { from: [ApplicationState.DRAFT, ApplicationState.CHANGES_REQUESTED], to: ApplicationState.SUBMITTED },
  // The company takes its application back before a clerk works on it, or instead of making the changes asked for.
  withdraw: { from: [ApplicationState.SUBMITTED, ApplicationState.CHANGES_REQUESTED], to: ApplicationState.WITHDRAWN },
  claim: { from: [ApplicationState.SUBMITTED], to: ApplicationState.IN_REVIEW },
  // The claiming clerk (or the tenant admin, for a clerk who is away) gives the application back to the queue.
  release: { from: [ApplicationState.IN_REVIEW], to: ApplicationState.SUBMITTED },
  requestChanges: { from: [ApplicationState.IN_REVIEW], to: ApplicationState.CHANGES_REQUESTED },
  reject: { from: [ApplicationState.IN_REVIEW], to: ApplicationState.REJECTED },
  approve: { from: [ApplicationState.IN_REVIEW], to: ApplicationState.APPROVED },
  sign: { from: [ApplicationState.APPROVED], to: ApplicationState.ISSUED },
};

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationState, readonly ApplicationState[]>> = Object.fromEntries(
  Object.values(ApplicationState).map((from) => [from, [...new Set(Object.values(APPLICATION_STEPS).filter((step) => step.from.includes(from)).map((step) => step.to))]]),
) as unknown as Record<ApplicationState, readonly ApplicationState[]>;

/** The states no step leaves: the application is closed (rejected, issued, withdrawn). An open replacement is in any other. */
export const FINAL_APPLICATION_STATES: readonly ApplicationState[] = Object.values(ApplicationState).filter((state) => APPLICATION_TRANSITIONS[state].length === 0);

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

/** The step may start from this state, else a CONFLICT naming the state and where the step leads. */
export function assertStep(step: ApplicationStep, from: ApplicationState): void {
  const { from: starts, to } = APPLICATION_STEPS[step];
  if (!starts.includes(from)) {
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
