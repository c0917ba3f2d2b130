import type { ParseKeys } from 'i18next';
import { ORGANISATION_ROLES, type Role } from '../auth/roles';
import type { TenantKind } from '../gql/graphql';

export interface NavItem {
  to: string;
  label: ParseKeys;
  description: ParseKeys;
  /** Who sees the entry (the API's own rule for the operations behind it); absent: everyone logged in. */
  roles?: readonly Role[];
  /** The kinds of tenant space the entry exists in (a chamber's certificates, a certification body's datasheets); absent: every space. */
  kinds?: readonly TenantKind[];
}

export interface NavSection {
  id: string;
  label: ParseKeys;
  items: NavItem[];
}

/** The kinds of space a section exists in (also what the routes' guards check). */
export const CHAMBER: readonly TenantKind[] = ['CHAMBER_OF_COMMERCE'];
export const CERTIFICATION_BODY: readonly TenantKind[] = ['CERTIFICATION_BODY'];

/**
 * The portal's sections, per role and kind of tenant space. Features the API does not offer yet have
 * no entry (no placeholders); the comments mark where their screens will go.
 */
export const NAVIGATION: NavSection[] = [
  {
    id: 'company',
    label: 'nav.sections.company',
    items: [
      { to: '/app/certificates', label: 'nav.certificates', description: 'nav.descriptions.certificates', roles: ORGANISATION_ROLES, kinds: CHAMBER },
      { to: '/app/datasheets', label: 'nav.datasheets', description: 'nav.descriptions.datasheets', roles: ORGANISATION_ROLES, kinds: CERTIFICATION_BODY },
      { to: '/app/projects', label: 'nav.projects', description: 'nav.descriptions.projects', roles: ORGANISATION_ROLES, kinds: CERTIFICATION_BODY },
      { to: '/app/company', label: 'nav.company', description: 'nav.descriptions.company', roles: ORGANISATION_ROLES },
      { to: '/app/users', label: 'nav.companyUsers', description: 'nav.descriptions.companyUsers', roles: ['ORG_ADMIN'] },
      { to: '/app/api-keys', label: 'nav.apiKeys', description: 'nav.descriptions.apiKeys', roles: ['ORG_ADMIN'] },
      { to: '/app/webhooks', label: 'nav.webhooks', description: 'nav.descriptions.webhooks', roles: ['ORG_ADMIN'] },
      { to: '/app/sub-processor-changes', label: 'nav.subProcessorChanges', description: 'nav.descriptions.subProcessorChanges', roles: ['ORG_ADMIN'] },
    ],
  },
  {
    id: 'tenant',
    label: 'nav.sections.tenant',
    items: [
      { to: '/app/review', label: 'nav.reviewQueue', description: 'nav.descriptions.reviewQueue', roles: ['CLERK', 'TENANT_ADMIN', 'AUDITOR'], kinds: CHAMBER },
      { to: '/app/review?state=APPROVED', label: 'nav.signingQueue', description: 'nav.descriptions.signingQueue', roles: ['SIGNER'], kinds: CHAMBER },
      { to: '/app/invoicing', label: 'invoicing.title', description: 'invoicing.nav', roles: ['TENANT_ADMIN', 'AUDITOR'], kinds: CHAMBER },
      { to: '/app/certified-products', label: 'nav.certifiedProducts', description: 'nav.descriptions.certifiedProducts', roles: ['TENANT_ADMIN', 'CLERK'], kinds: CERTIFICATION_BODY },
      { to: '/app/datasheet-review', label: 'nav.datasheetReview', description: 'nav.descriptions.datasheetReview', roles: ['TENANT_ADMIN', 'CLERK'], kinds: CERTIFICATION_BODY },
      { to: '/app/projects', label: 'nav.projects', description: 'nav.descriptions.projectsStaff', roles: ['TENANT_ADMIN', 'CLERK'], kinds: CERTIFICATION_BODY },
      { to: '/app/users', label: 'nav.staffUsers', description: 'nav.descriptions.staffUsers', roles: ['TENANT_ADMIN'] },
      // Beside the staff users page, whose "company without an administrator" links here: a company's only administrator locked out.
      { to: '/app/companies/administrator-second-factor', label: 'companyAdministratorReset.navTitle', description: 'companyAdministratorReset.nav', roles: ['TENANT_ADMIN'] },
      { to: '/app/api-keys', label: 'nav.apiKeys', description: 'nav.descriptions.tenantApiKeys', roles: ['TENANT_ADMIN'], kinds: CERTIFICATION_BODY },
      // Every tenant's own targets may hear the signed checkpoints of its logs (audit.checkpoint); a certification body's, its datasheet feed too.
      { to: '/app/webhooks', label: 'nav.webhooks', description: 'nav.descriptions.tenantWebhooks', roles: ['TENANT_ADMIN'] },
      { to: '/app/settings', label: 'tenantSettings.title', description: 'tenantSettings.nav', roles: ['TENANT_ADMIN', 'PRIVACY_OFFICER'] },
      { to: '/app/audit', label: 'nav.audit', description: 'nav.descriptions.audit', roles: ['TENANT_ADMIN', 'AUDITOR'] },
      // Always there for the administrator (it says when no departure is filed): the operator's e-mail sends them to confirm "in the application".
      { to: '/app/offboarding', label: 'offboarding.tenant.title', description: 'offboarding.nav.tenant', roles: ['TENANT_ADMIN'] },
    ],
  },
  {
    id: 'privacy',
    label: 'nav.sections.privacy',
    items: [
      { to: '/app/privacy/requests', label: 'privacyDesk.queue.title', description: 'privacyDesk.nav.requests', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/breaches', label: 'privacyDesk.breaches.title', description: 'privacyDesk.nav.breaches', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/register', label: 'privacyDesk.register.title', description: 'privacyDesk.nav.register', roles: ['PRIVACY_OFFICER'] },
      { to: '/app/privacy/sub-processors', label: 'nav.subProcessors', description: 'nav.descriptions.subProcessors', roles: ['PRIVACY_OFFICER', 'TENANT_ADMIN'] },
      { to: '/app/privacy/policy', label: 'policyVersions.page.title', description: 'policyVersions.nav', roles: ['PRIVACY_OFFICER', 'TENANT_ADMIN'] },
      { to: '/app/privacy/retention', label: 'retentionSchedule.title', description: 'retentionSchedule.nav', roles: ['PRIVACY_OFFICER', 'TENANT_ADMIN'] },
      { to: '/app/privacy/accesses', label: 'nav.accessLog', description: 'nav.descriptions.accessLog', roles: ['PRIVACY_OFFICER'] },
      // The tenant's staff decide on (and follow) the operator's support grants; a company's users are not asked.
      { to: '/app/privacy/support-access', label: 'supportAccess.tenant.title', description: 'supportAccess.nav.tenant', roles: ['TENANT_ADMIN', 'PRIVACY_OFFICER'] },
    ],
  },
  {
    id: 'platform',
    label: 'nav.sections.platform',
    items: [
      // The platform's sub-processors.
      { to: '/app/platform/tenants/new', label: 'nav.createTenant', description: 'nav.descriptions.createTenant', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/tenants/administrator', label: 'tenantAdministrator.title', description: 'tenantAdministrator.nav', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/tenants/second-factor', label: 'breakGlass.title', description: 'breakGlass.nav', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/register', label: 'platformRegister.title', description: 'platformRegister.nav', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/support', label: 'supportAccess.operator.title', description: 'supportAccess.nav.operator', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/offboarding', label: 'offboarding.operator.title', description: 'offboarding.nav.operator', roles: ['PLATFORM_ADMIN'] },
      { to: '/app/platform/audit-log', label: 'platformAudit.title', description: 'platformAudit.nav', roles: ['PLATFORM_ADMIN'] },
    ],
  },
  {
    id: 'account',
    label: 'nav.sections.account',
    items: [
      { to: '/app/profile', label: 'nav.profile', description: 'nav.descriptions.profile' },
      { to: '/app/password', label: 'accountAdmin.nav.password', description: 'accountAdmin.nav.passwordDescription' },
      { to: '/app/second-factor', label: 'nav.secondFactor', description: 'nav.descriptions.secondFactor' },
      { to: '/app/processing-statistics', label: 'accountAdmin.nav.statistics', description: 'accountAdmin.nav.statisticsDescription', roles: ['TENANT_ADMIN', 'CLERK', 'SIGNER'], kinds: CHAMBER },
      { to: '/app/signature', label: 'nav.signature', description: 'nav.descriptions.signature', roles: ['SIGNER'] },
      { to: '/app/sessions', label: 'nav.sessions', description: 'nav.descriptions.sessions' },
      { to: '/app/my-data', label: 'nav.myData', description: 'nav.descriptions.myData' },
      { to: '/app/my-data-accesses', label: 'nav.myDataAccesses', description: 'nav.descriptions.myDataAccesses' },
      { to: '/app/contact-disclosure', label: 'nav.contactDisclosure', description: 'nav.descriptions.contactDisclosure', roles: ORGANISATION_ROLES, kinds: CERTIFICATION_BODY },
    ],
  },
];

/** The sections and entries this user sees in a space of these kinds (none known: only the entries every space has). */
export function navigationFor(roles: readonly Role[] | null | undefined, kinds: readonly TenantKind[] | null | undefined): NavSection[] {
  const held = roles ?? [];
  const space = kinds ?? [];
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => (!item.roles || item.roles.some((role) => held.includes(role))) && (!item.kinds || item.kinds.some((kind) => space.includes(kind)))),
  })).filter((section) => section.items.length > 0);
}
