import type { ParseKeys } from 'i18next';
import { ORGANISATION_ROLES, type Role } from '../auth/roles';

export interface NavItem {
  to: string;
  label: ParseKeys;
  description: ParseKeys;
  /** Who sees the entry (the API's own rule for the operations behind it); absent: everyone logged in. */
  roles?: readonly Role[];
}

export interface NavSection {
  id: string;
  label: ParseKeys;
  items: NavItem[];
}

/**
 * The portal's sections, per role. Features the API does not offer yet have no entry (no
 * placeholders); the comments mark where their screens will go.
 */
export const NAVIGATION: NavSection[] = [
  {
    id: 'company',
    label: 'nav.sections.company',
    items: [
      // Certificates of origin: applications (drafts, submit), issued certificates (print).
      // Technical datasheets of the company's certified products.
      { to: '/app/company', label: 'nav.company', description: 'nav.descriptions.company', roles: ORGANISATION_ROLES },
      { to: '/app/users', label: 'nav.companyUsers', description: 'nav.descriptions.companyUsers', roles: ['ORG_ADMIN'] },
      { to: '/app/api-keys', label: 'nav.apiKeys', description: 'nav.descriptions.apiKeys', roles: ['ORG_ADMIN'] },
    ],
  },
  {
    id: 'tenant',
    label: 'nav.sections.tenant',
    items: [
      // Review queue (CLERK), signing (SIGNER), datasheet approval and publication, customers.
      { to: '/app/users', label: 'nav.staffUsers', description: 'nav.descriptions.staffUsers', roles: ['TENANT_ADMIN'] },
      { to: '/app/api-keys', label: 'nav.apiKeys', description: 'nav.descriptions.tenantApiKeys', roles: ['TENANT_ADMIN'] },
      { to: '/app/audit', label: 'nav.audit', description: 'nav.descriptions.audit', roles: ['TENANT_ADMIN', 'AUDITOR'] },
    ],
  },
  {
    id: 'privacy',
    label: 'nav.sections.privacy',
    items: [
      // Retention and support grants have no screen yet.
      { to: '/app/privacy/requests', label: 'privacyDesk.queue.title', description: 'privacyDesk.nav.requests', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/breaches', label: 'privacyDesk.breaches.title', description: 'privacyDesk.nav.breaches', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/register', label: 'privacyDesk.register.title', description: 'privacyDesk.nav.register', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/accesses', label: 'nav.accessLog', description: 'nav.descriptions.accessLog', roles: ['PRIVACY_OFFICER'] },
    ],
  },
  {
    id: 'platform',
    label: 'nav.sections.platform',
    items: [
      // Support grants, sub-processors.
      { to: '/app/platform/tenants/new', label: 'nav.createTenant', description: 'nav.descriptions.createTenant', roles: ['PLATFORM_ADMIN'] },
    ],
  },
  {
    id: 'account',
    label: 'nav.sections.account',
    items: [
      { to: '/app/profile', label: 'nav.profile', description: 'nav.descriptions.profile' },
      { to: '/app/second-factor', label: 'nav.secondFactor', description: 'nav.descriptions.secondFactor' },
      { to: '/app/signature', label: 'nav.signature', description: 'nav.descriptions.signature', roles: ['SIGNER'] },
      { to: '/app/sessions', label: 'nav.sessions', description: 'nav.descriptions.sessions' },
      { to: '/app/my-data-accesses', label: 'nav.myDataAccesses', description: 'nav.descriptions.myDataAccesses' },
    ],
  },
];

/** The sections and entries this user sees. */
export function navigationFor(roles: readonly Role[] | null | undefined): NavSection[] {
  const held = roles ?? [];
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.roles || item.roles.some((role) => held.includes(role))),
  })).filter((section) => section.items.length > 0);
}
