import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { ApiError, clientError, type FieldProblem } from '../../api/errors';
import type { ProjectPartyRole } from '../../gql/graphql';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { parseTypedNumber } from '../../ui/typed-values';
import { useAction } from '../../ui/use-api';
import { AcknowledgePanel } from '../datasheets/DisclosureNotice';
import { CreateProjectCertificate, ProjectPartyCandidate } from './operations';
import { useProjectReasons } from './project-shared';

const ROLES: ProjectPartyRole[] = ['CLIENT', 'CONTRACTOR', 'INTERMEDIATE_STORAGE'];

interface FoundCompany {
  organisationId: string;
  name: string;
  city: string | null;
  /** The number as typed when it was found: typing another one asks again. */
  typed: string;
}

/** A field of the form per other party: its VAT number, checked against the certification body's companies. */
const vatField = (role: ProjectPartyRole) => `vat.${role}`;

/**
 * A company user opens a project certificate (COPRO §5c): the works, its material and quantity,
 * their company's part in it, and the two other companies found by their VAT numbers (what partners
 * know of each other; the screen shows the name and city found, so a typing error is seen before the
 * project names the wrong company). The person opening it becomes their company's contact person on
 * it, so the contact-disclosure notice must be acknowledged first.
 */
export default function NewProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reasons = useProjectReasons();
  const { me } = useSession();
  const [form, setForm] = useState({ reference: '', site: '', material: '', quantity: '', ownRole: 'CONTRACTOR' as ProjectPartyRole });
  const set = (key: 'reference' | 'site' | 'material' | 'quantity') => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  const [vat, setVat] = useState<Partial<Record<ProjectPartyRole, string>>>({});
  const [found, setFound] = useState<Partial<Record<ProjectPartyRole, FoundCompany>>>({});
  const [needsAcknowledgement, setNeedsAcknowledgement] = useState(false);
  const others = ROLES.filter((role) => role !== form.ownRole);
  const overrides = useMemo(
    () => ({
      ...reasons,
      ...Object.fromEntries(ROLES.flatMap((role) => [[`${vatField(role)}.notfound`, t('projects.create.vatNotFound')], [`${vatField(role)}.lookup`, t('projects.create.lookUpFirst')]])),
    }),
    [reasons, t],
  );

  /** The company registered under the number typed for `role`, or a refusal at that field. */
  const lookUp = async (role: ProjectPartyRole): Promise<FoundCompany> => {
    const typed = (vat[role] ?? '').trim();
    if (!typed) throw clientError([{ field: vatField(role), reason: 'required', constraint: 'required' }]);
    try {
      const { projectPartyCandidate: company } = await request(ProjectPartyCandidate, { vatNumber: typed });
      const result = { organisationId: company.organisationId ?? '', name: company.name ?? '', city: company.city ?? null, typed };
      setFound((previous) => ({ ...previous, [role]: result }));
      return result;
    } catch (error) {
      const refused = ApiError.of(error);
      // The lookup names its one argument; on this form it is the field of this party.
      if (refused.reason === 'PROJECT_PARTY_NOT_FOUND') throw clientError([{ field: vatField(role), reason: refused.message, constraint: 'notFound' }]);
      if (refused.fields.some((f) => f.field === 'vatNumber')) throw clientError(refused.fields.map((f) => (f.field === 'vatNumber' ? { ...f, field: vatField(role) } : f)));
      throw error;
    }
  };
  const [lookingUp, setLookingUp] = useState<ProjectPartyRole | null>(null);
  const check = useAction(async (role: ProjectPartyRole) => {
    create.setError(null);
    setLookingUp(role);
    try {
      await lookUp(role);
    } finally {
      setLookingUp(null);
    }
  });

  const create = useAction(async () => {
    check.setError(null);
    const problems: FieldProblem[] = [];
    for (const [key, field] of [['reference', 'input.reference'], ['site', 'input.site'], ['material', 'input.material']] as const) {
      if (!form[key].trim()) problems.push({ field, reason: 'required', constraint: 'required' });
    }
    const quantityTonnes = parseTypedNumber(form.quantity);
    if (!form.quantity.trim()) problems.push({ field: 'input.quantityTonnes', reason: 'required', constraint: 'required' });
    else if (Number.isNaN(quantityTonnes)) problems.push({ field: 'input.quantityTonnes', reason: 'not a number', constraint: 'isNumber' });
    // A party is named only as the screen showed it: a number typed and not yet looked up (or changed since) is looked up first.
    for (const role of others) {
      const typed = (vat[role] ?? '').trim();
      if (!typed) problems.push({ field: vatField(role), reason: 'required', constraint: 'required' });
      else if (found[role]?.typed !== typed) problems.push({ field: vatField(role), reason: 'look it up', constraint: 'lookup' });
    }
    if (problems.length) throw clientError(problems);
    // The caller's own company in its role; the API checks that it is among the parties.
    const parties = ROLES.map((role) => ({ role, organisationId: role === form.ownRole ? (me?.organisationId ?? '') : found[role]!.organisationId }));
    try {
      const created = await request(CreateProjectCertificate, {
        input: {
          reference: form.reference.trim(), site: form.site.trim(), material: form.material.trim(), quantityTonnes,
          parties,
        },
      });
      void navigate(`/app/projects/${created.createProjectCertificate.id ?? ''}`);
    } catch (error) {
      const refused = ApiError.of(error);
      if (refused.reason === 'DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED') setNeedsAcknowledgement(true);
      // `input.parties.<index>.organisationId` is the field of the party at that index.
      const indexed = refused.fields.map((f) => {
        const match = /^input\.parties\.(\d+)\.organisationId$/.exec(f.field);
        const role = match ? ROLES[Number(match[1])] : undefined;
        return role && role !== form.ownRole ? { ...f, field: vatField(role) } : f.field.startsWith('input.parties') ? { ...f, field: 'input.ownRole' } : f;
      });
      throw new ApiError(refused.code, refused.message, refused.reason, indexed, refused.requestId);
    }
  });

  return (
    <>
      <p className="back-link">
        <Link to="/app/projects">{t('projects.back')}</Link>
      </p>
      <PageTitle lead={t('projects.create.lead')}>{t('projects.create.title')}</PageTitle>
      {needsAcknowledgement ? (
        <AcknowledgePanel
          onAcknowledged={() => {
            setNeedsAcknowledgement(false);
            create.setError(null);
          }}
        />
      ) : null}
      <Form error={create.error ?? check.error} overrides={overrides} onSubmit={() => void create.run()}>
        <fieldset className="form-section">
          <legend>{t('projects.create.works')}</legend>
          <TextField name="input.reference" label={t('projects.fields.reference')} hint={t('projects.create.referenceHint')} maxLength={200} value={form.reference} onValue={set('reference')} />
          <TextField name="input.site" label={t('projects.fields.site')} hint={t('projects.create.siteHint')} maxLength={300} value={form.site} onValue={set('site')} />
          <TextField name="input.material" label={t('projects.fields.material')} hint={t('projects.create.materialHint')} maxLength={200} value={form.material} onValue={set('material')} />
          <TextField name="input.quantityTonnes" label={t('projects.create.quantity')} inputMode="decimal" autoComplete="off" value={form.quantity} onValue={set('quantity')} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('projects.create.partiesTitle')}</legend>
          <p>{t('projects.create.partiesLead')}</p>
          <SelectField
            name="input.ownRole"
            label={t('projects.create.ownRole')}
            value={form.ownRole}
            onValue={(value) => setForm((previous) => ({ ...previous, ownRole: value as ProjectPartyRole }))}
            options={ROLES.map((role) => ({ value: role, label: t(`projects.roles.${role}`) }))}
          />
          {others.map((role) => {
            const company = found[role];
            const current = company && company.typed === (vat[role] ?? '').trim() ? company : null;
            return (
              <div key={role} className="form-row">
                <TextField
                  name={vatField(role)}
                  label={t('projects.create.vatOf', { role: t(`projects.create.roles.${role}`) })}
                  hint={t('projects.create.vatHint')}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={30}
                  value={vat[role] ?? ''}
                  onValue={(value) => setVat((previous) => ({ ...previous, [role]: value }))}
                />
                <button type="button" className="button button--secondary" disabled={check.pending} onClick={() => void check.run(role)}>
                  {lookingUp === role ? t('projects.create.lookingUp') : t('projects.create.lookUp', { role: t(`projects.create.roles.${role}`) })}
                </button>
                {current ? (
                  <p className="found" role="status">
                    {t('projects.create.found', { role: t(`projects.create.roles.${role}`), name: current.name, city: current.city ?? '' })}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <p>{t('projects.create.contactNote')}</p>
        <SubmitButton pending={create.pending} pendingLabel={t('common.saving')}>
          {t('projects.create.submit')}
        </SubmitButton>
      </Form>
    </>
  );
}
