import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clientError, type FieldProblem } from '../../api/errors';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, TextField } from '../../ui/fields';
import { useAction } from '../../ui/use-api';

/** The tick that the person was checked out of band: the browser's own check, the API takes the reference. */
const CHECKED = 'checkedOutOfBand';

/** The screens' messages, with the same keys: the operator's for a tenant's administrator, the tenant administrator's for a company's. */
export type OutOfBandResetMessages = 'breakGlass' | 'companyAdministratorReset';

/** The API's reasons for refusing a reset to one who is not the only active administrator, per screen. */
export interface OutOfBandResetReasons {
  otherAdministrator: 'TENANT_HAS_OTHER_ADMINISTRATOR' | 'COMPANY_HAS_OTHER_ADMINISTRATOR';
  notAdministrator: 'NOT_TENANT_ADMINISTRATOR' | 'NOT_COMPANY_ADMINISTRATOR';
}

/** How the API names a reason as a field's constraint (`input.email.companyhasotheradministrator`). */
const asConstraint = (reason: string) => reason.replace(/_/g, '').toLowerCase();

/**
 * The break-glass reset of the second factor of an only administrator who lost both phone and recovery
 * codes, as the operator does it for a tenant's and the tenant's administrator for a company's: the
 * out-of-band checklist, then the administrator's login address, the support case's reference and a tick
 * that the person was called back on the number on record, each refusal said in a sentence of its own.
 * `scope` is the screen's chooser (of the tenant, of the company) inside the form, with `scopeProblems`
 * its own checks; `reset` sends the act (the api client's prompt asks for the step-up the API wants), and
 * the fields empty once it is done.
 */
export function OutOfBandSecondFactorResetForm({
  messages,
  reasons,
  overrides = {},
  scope,
  scopeProblems,
  reset,
}: {
  messages: OutOfBandResetMessages;
  reasons: OutOfBandResetReasons;
  /** The screen's sentences for refusals of its own (an unknown tenant). */
  overrides?: Record<string, string>;
  scope: ReactNode;
  scopeProblems: () => FieldProblem[];
  reset: (input: { email: string; reference: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const sentences = {
    ...overrides,
    [reasons.otherAdministrator]: t(`${messages}.hasOtherAdministrator`),
    [`input.email.${asConstraint(reasons.otherAdministrator)}`]: t(`${messages}.hasOtherAdministratorField`),
    [reasons.notAdministrator]: t(`${messages}.notAdministrator`),
    [`input.email.${asConstraint(reasons.notAdministrator)}`]: t(`${messages}.notAdministratorField`),
    SECOND_FACTOR_NOT_ENROLLED: t(`${messages}.notEnrolled`),
    [`input.email.${asConstraint('SECOND_FACTOR_NOT_ENROLLED')}`]: t(`${messages}.notEnrolledField`),
    'input.reference.matches': t(`${messages}.referenceForm`),
    [`${CHECKED}.required`]: t(`${messages}.confirmationRequired`),
  };

  const act = useAction(async () => {
    const required = (field: string): FieldProblem => ({ field, reason: 'required', constraint: 'required' });
    const problems = [
      ...scopeProblems(),
      ...(email.trim() ? [] : [required('input.email')]),
      ...(reference.trim() ? [] : [required('input.reference')]),
      ...(checked ? [] : [required(CHECKED)]),
    ];
    if (problems.length) throw clientError(problems);
    await reset({ email: email.trim(), reference: reference.trim() });
    setEmail('');
    setReference('');
    setChecked(false);
    window.scrollTo({ top: 0 });
  });

  return (
    <>
      <section aria-labelledby="second-factor-reset-checklist-title">
        <h2 id="second-factor-reset-checklist-title">{t(`${messages}.checklistTitle`)}</h2>
        <ol className="steps">
          <li>{t(`${messages}.checkRequest`)}</li>
          <li>{t(`${messages}.checkCallBack`)}</li>
          <li>{t(`${messages}.checkLost`)}</li>
        </ol>
      </section>
      <Form error={act.error} overrides={sentences} onSubmit={() => void act.run()}>
        {scope}
        <TextField name="input.email" label={t(`${messages}.email`)} hint={t(`${messages}.emailHint`)} type="email" autoComplete="off" spellCheck={false} value={email} onValue={setEmail} />
        <TextField name="input.reference" label={t(`${messages}.reference`)} hint={t(`${messages}.referenceHint`)} autoComplete="off" spellCheck={false} value={reference} onValue={setReference} />
        <ChoiceGroup<'yes'>
          name={CHECKED}
          legend={t(`${messages}.confirmation`)}
          type="checkbox"
          options={[{ value: 'yes', label: t(`${messages}.confirmed`) }]}
          selected={checked ? ['yes'] : []}
          onChange={(selected) => setChecked(selected.includes('yes'))}
        />
        <SubmitButton pending={act.pending} pendingLabel={t('common.saving')}>
          {t(`${messages}.submit`)}
        </SubmitButton>
      </Form>
    </>
  );
}

/** What the reset did (`summary`), and what happens next (`nextLogin`: the screen's own sentence), at the top of the screen. */
export function OutOfBandResetDone({ messages, summary, nextLogin }: { messages: OutOfBandResetMessages; summary: string; nextLogin: string }) {
  const { t } = useTranslation();
  return (
    <Notice kind="success" title={t(`${messages}.doneTitle`)}>
      <p>{summary}</p>
      <ul>
        <li>{t(`${messages}.nextMail`)}</li>
        <li>{t(`${messages}.nextSessions`)}</li>
        <li>{nextLogin}</li>
      </ul>
    </Notice>
  );
}
