import { DomainError } from '@chancery/core';
import { APPLICATION_STEPS, APPLICATION_TRANSITIONS, ApplicationStep, assertCertificateTransition, assertEditable, assertStep, assertTransition, isAllowedTransition } from './application-workflow';
import { ApplicationState } from './entities/certificate-application.entity';
import { CertificateStatus } from './entities/certificate.entity';

describe('the certificate workflow', () => {
  const states = Object.values(ApplicationState);

  it('allows exactly the transitions of SPEC §2', () => {
    const allowed = states.flatMap((from) => states.filter((to) => isAllowedTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ['DRAFT→SUBMITTED', 'SUBMITTED→IN_REVIEW', 'IN_REVIEW→CHANGES_REQUESTED', 'IN_REVIEW→REJECTED', 'IN_REVIEW→APPROVED', 'IN_REVIEW→SUBMITTED', 'CHANGES_REQUESTED→SUBMITTED', 'APPROVED→ISSUED',
        'SUBMITTED→WITHDRAWN', 'CHANGES_REQUESTED→WITHDRAWN'].sort(),
    );
    expect(APPLICATION_TRANSITIONS.REJECTED).toEqual([]);
    expect(APPLICATION_TRANSITIONS.WITHDRAWN).toEqual([]);
    expect(APPLICATION_TRANSITIONS.ISSUED).toEqual([]);
  });

  it('refuses any other one with a CONFLICT naming both states', () => {
    for (const from of states) {
      for (const to of states.filter((t) => !isAllowedTransition(from, t))) {
        let error: unknown;
        try {
          assertTransition(from, to);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', details: { from, to } });
      }
    }
  });

  it('each step starts from its own states: the company submits a draft or a sent-back application, a clerk releases only a claimed one', () => {
    const starts = (step: ApplicationStep) => states.filter((from) => {
      try {
        assertStep(step, from);
        return true;
      } catch (error) {
        expect(error).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', details: { from, to: APPLICATION_STEPS[step].to } });
        return false;
      }
    });
    expect(starts('submit')).toEqual([ApplicationState.DRAFT, ApplicationState.CHANGES_REQUESTED]);
    expect(starts('release')).toEqual([ApplicationState.IN_REVIEW]);
    expect(starts('claim')).toEqual([ApplicationState.SUBMITTED]);
    // The company withdraws before a clerk works on it, or instead of making the changes asked for.
    expect(starts('withdraw')).toEqual([ApplicationState.SUBMITTED, ApplicationState.CHANGES_REQUESTED]);
    expect(starts('sign')).toEqual([ApplicationState.APPROVED]);
  });

  it('lets an issued certificate be revoked or superseded, once', () => {
    expect(() => assertCertificateTransition(CertificateStatus.ISSUED, CertificateStatus.REVOKED)).not.toThrow();
    expect(() => assertCertificateTransition(CertificateStatus.ISSUED, CertificateStatus.SUPERSEDED)).not.toThrow();
    for (const done of [CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED]) {
      for (const to of Object.values(CertificateStatus)) expect(() => assertCertificateTransition(done, to)).toThrow(DomainError);
    }
  });

  it('lets the company edit only a draft or an application sent back for changes', () => {
    const editable = states.filter((s) => {
      try {
        assertEditable(s);
        return true;
      } catch {
        return false;
      }
    });
    expect(editable).toEqual([ApplicationState.DRAFT, ApplicationState.CHANGES_REQUESTED]);
  });
});
