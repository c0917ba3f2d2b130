import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPublic } from '../../api/client';
import { FieldShell } from '../../ui/fields';
import { useLoad } from '../../ui/use-api';
import { TenantDirectory } from '../directory/tenant-directory';

const LAST_TENANT_KEY = 'chancery.tenant';
export const PLATFORM = '__platform__';
const OTHER = '__other__';

/** The tenant last logged in to or registered with in this browser (a public slug, not a secret). */
export function rememberedTenant(): string {
  try {
    return localStorage.getItem(LAST_TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberTenant(slug: string | null): void {
  try {
    if (slug) localStorage.setItem(LAST_TENANT_KEY, slug);
  } catch {
    // Storage refused: the form simply starts empty next time.
  }
}

export interface TenantChoice {
  /** A slug from the directory, OTHER (typed below), or PLATFORM (no tenant). */
  selected: string;
  typed: string;
}

/** The slug to send, or null for the platform operator. */
export function slugOf(choice: TenantChoice): string | null {
  if (choice.selected === PLATFORM) return null;
  if (choice.selected === OTHER) return choice.typed.trim().toLowerCase() || null;
  return choice.selected || null;
}

export function initialChoice(slug: string): TenantChoice {
  return { selected: slug, typed: '' };
}

/**
 * Where the user logs in: picked from the directory or typed (the slug will become optional when
 * the API finds the account by its address alone); the platform operator picks "no organisation".
 */
export function TenantPicker({
  name,
  value,
  onChange,
  allowPlatform,
}: {
  name: string;
  value: TenantChoice;
  onChange: (choice: TenantChoice) => void;
  allowPlatform: boolean;
}) {
  const { t } = useTranslation();
  const typedId = useId();
  const { data } = useLoad(() => requestPublic(TenantDirectory));
  const tenants = [...(data?.tenants ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const known = tenants.some((tenant) => tenant.slug === value.selected);
  // A remembered or linked slug that the list does not (yet) show is kept as typed text.
  const selected = value.selected && !known && value.selected !== PLATFORM && value.selected !== OTHER && data ? OTHER : value.selected;
  const typed = selected === OTHER && value.selected !== OTHER ? value.selected : value.typed;
  return (
    <>
      <FieldShell name={name} label={t('login.tenant')} hint={t('login.tenantHint')}>
        {(a11y) => (
          <select
            {...a11y}
            value={selected}
            onChange={(event) => onChange({ selected: event.target.value, typed })}
          >
            <option value="">{t('login.chooseTenant')}</option>
            {tenants.map((tenant) => (
              <option key={tenant.slug} value={tenant.slug}>
                {tenant.name}
              </option>
            ))}
            <option value={OTHER}>{t('login.otherTenant')}</option>
            {allowPlatform ? <option value={PLATFORM}>{t('login.platformOperator')}</option> : null}
          </select>
        )}
      </FieldShell>
      {selected === OTHER ? (
        <div className="field">
          <label htmlFor={typedId}>{t('login.tenantSlug')}</label>
          <input
            id={typedId}
            value={typed}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => onChange({ selected: OTHER, typed: event.target.value })}
          />
        </div>
      ) : null}
    </>
  );
}
