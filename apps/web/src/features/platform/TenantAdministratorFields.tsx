import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/errors';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { SelectField, TextField } from '../../ui/fields';

/** Who the operator invites to administer a tenant (`TenantAdministratorInput`): never a password. */
export interface TenantAdministrator {
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: string;
}

export const NO_TENANT_ADMINISTRATOR: TenantAdministrator = { firstName: '', lastName: '', email: '', preferredLanguage: 'nl' };

/** The fields left empty, as the server would name them (`input.administrator.email`). */
export function missingAdministratorFields(admin: TenantAdministrator): FieldProblem[] {
  return (['firstName', 'lastName', 'email'] as const)
    .filter((key) => !admin[key].trim())
    .map((key) => ({ field: `input.administrator.${key}`, reason: 'required', constraint: 'required' }));
}

/** The input as the API takes it, trimmed. */
export function administratorInput(admin: TenantAdministrator): TenantAdministrator {
  return { firstName: admin.firstName.trim(), lastName: admin.lastName.trim(), email: admin.email.trim(), preferredLanguage: admin.preferredLanguage };
}

/**
 * The administrator's part of opening a tenant and of inviting its administrator again: their name,
 * address and the language of the invitation, with the note that they choose their own password.
 */
export function TenantAdministratorFields({ legend, value, onChange }: { legend: string; value: TenantAdministrator; onChange: (next: TenantAdministrator) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof TenantAdministrator) => (next: string) => onChange({ ...value, [key]: next });
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <p className="field__hint">{t('createTenant.administratorHint')}</p>
      <TextField name="input.administrator.firstName" label={t('fields.firstName')} value={value.firstName} onValue={set('firstName')} />
      <TextField name="input.administrator.lastName" label={t('fields.lastName')} value={value.lastName} onValue={set('lastName')} />
      <TextField name="input.administrator.email" label={t('fields.email')} type="email" value={value.email} onValue={set('email')} />
      <SelectField
        name="input.administrator.preferredLanguage"
        label={t('fields.preferredLanguage')}
        value={value.preferredLanguage}
        onValue={set('preferredLanguage')}
        options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language }))}
      />
    </fieldset>
  );
}
