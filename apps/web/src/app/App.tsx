import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ORGANISATION_ROLES, type Role } from '../auth/roles';
import { SessionProvider } from '../auth/session';
import DirectoryPage from '../features/directory/DirectoryPage';
import { Loading } from '../ui/feedback';
import { NotFound, RequireRoles, RequireSession } from './guards';
import { CERTIFICATION_BODY, CHAMBER } from './navigation';
import { lazyPage } from './lazy-page';
import { PublicLayout } from './PublicLayout';

// Route-level code splitting: a public page loads the shell, the directory and its own screen;
// the logged-in portal and each of its screens are chunks of their own.
const LoginPage = lazy(() => import('../features/account/LoginPage'));
const RegisterPage = lazy(() => import('../features/registration/RegisterPage'));
const ConfirmEmailPage = lazy(() => import('../features/registration/ConfirmEmailPage'));
const AcceptInvitationPage = lazy(() => import('../features/registration/AcceptInvitationPage'));
const ForgotPasswordPage = lazy(() => import('../features/account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/account/ResetPasswordPage'));
const PublicRequestPage = lazy(() => import('../features/privacy/PublicRequestPage'));
const ConfirmRequestPage = lazy(() => import('../features/privacy/ConfirmRequestPage'));
const ExportDownloadPage = lazy(() => import('../features/privacy/ExportDownloadPage'));
const PrivacyNoticePage = lazy(() => import('../features/privacy/PrivacyNoticePage'));
const RequestQueuePage = lazy(() => import('../features/privacy/RequestQueuePage'));
const RequestDetailPage = lazy(() => import('../features/privacy/RequestDetailPage'));
const BreachesPage = lazy(() => import('../features/privacy/BreachesPage'));
const RegisterExportPage = lazy(() => import('../features/privacy/RegisterExportPage'));
const SubProcessorsPage = lazy(() => import('../features/privacy/SubProcessorsPage'));
const SubProcessorChangesPage = lazy(() => import('../features/privacy/SubProcessorChangesPage'));

const AppLayout = lazy(() => import('./AppLayout'));
const HomePage = lazy(() => import('./HomePage'));
const SecondFactorPage = lazy(() => import('../features/account/SecondFactorPage'));
const ProfilePage = lazy(() => import('../features/account/ProfilePage'));
const SessionsPage = lazy(() => import('../features/account/SessionsPage'));
const MyDataAccessesPage = lazy(() => import('../features/account/MyDataAccessesPage'));
const MyDataPage = lazy(() => import('../features/account/MyDataPage'));
const SignaturePage = lazy(() => import('../features/account/SignaturePage'));
const PasswordPage = lazy(() => import('../features/account/PasswordPage'));
const ProcessingStatisticsPage = lazy(() => import('../features/account/ProcessingStatisticsPage'));
const CompanyPage = lazy(() => import('../features/organisation/CompanyPage'));
const UsersPage = lazy(() => import('../features/organisation/UsersPage'));
const ResetCompanyAdministratorSecondFactorPage = lazy(() => import('../features/organisation/ResetCompanyAdministratorSecondFactorPage'));
const ApiKeysPage = lazy(() => import('../features/organisation/ApiKeysPage'));
const WebhooksPage = lazy(() => import('../features/organisation/WebhooksPage'));
const AuditLogPage = lazy(() => import('../features/staff/AuditLogPage'));
const InvoicingPage = lazy(() => import('../features/staff/InvoicingPage'));
const AccessLogPage = lazy(() => import('../features/privacy/AccessLogPage'));
const RetentionSchedulePage = lazy(() => import('../features/privacy/RetentionSchedulePage'));
const PrivacyPolicyPage = lazy(() => import('../features/privacy/PrivacyPolicyPage'));
const TenantSettingsPage = lazy(() => import('../features/staff/TenantSettingsPage'));
const PrivacyUserPage = lazy(() => import('../features/privacy/PrivacyUserPage'));
const CreateTenantPage = lazy(() => import('../features/platform/CreateTenantPage'));
const InviteTenantAdministratorPage = lazy(() => import('../features/platform/InviteTenantAdministratorPage'));
const ResetAdministratorSecondFactorPage = lazy(() => import('../features/platform/ResetAdministratorSecondFactorPage'));
const SupportRequestsPage = lazy(() => import('../features/platform/SupportRequestsPage'));
const SupportGrantPage = lazy(() => import('../features/platform/SupportGrantPage'));
const PlatformAuditLogPage = lazy(() => import('../features/platform/PlatformAuditLogPage'));
const SupportAccessPage = lazy(() => import('../features/privacy/SupportAccessPage'));
const TenantOffboardingPage = lazy(() => import('../features/offboarding/TenantOffboardingPage'));
const OffboardingsPage = lazy(() => import('../features/offboarding/OffboardingsPage'));
// Certificates of origin (#16): the company's applications, the chamber's queue, the public verification.
const CertificatesPage = lazy(() => import('../features/certificates/CertificatesPage'));
const ApplicationPage = lazy(() => import('../features/certificates/ApplicationPage'));
const NewApplicationPage = lazy(() => import('../features/certificates/ApplicationPage').then((module) => ({ default: module.NewApplicationPage })));
const ReviewQueuePage = lazy(() => import('../features/certificates/ReviewQueuePage'));
const ReviewApplicationPage = lazy(() => import('../features/certificates/ReviewApplicationPage'));
const VerificationPage = lazyPage(() => import('../features/certificates/VerificationPage'));
const CERTIFICATE_STAFF: readonly Role[] = ['CLERK', 'SIGNER', 'TENANT_ADMIN', 'AUDITOR'];
// Technical datasheets: public search and page, the company's datasheets, the staff's review.
const PublicDatasheetSearchPage = lazyPage(() => import('../features/datasheets/PublicDatasheetSearchPage'));
const PublicDatasheetPage = lazyPage(() => import('../features/datasheets/PublicDatasheetPage'));
const PublicWithdrawnDatasheetsPage = lazyPage(() => import('../features/datasheets/PublicWithdrawnDatasheetsPage'));
const CompanyDatasheetsPage = lazy(() => import('../features/datasheets/CompanyDatasheetsPage'));
const DatasheetEditorPage = lazy(() => import('../features/datasheets/DatasheetEditorPage'));
const CertifiedProductsPage = lazy(() => import('../features/datasheets/CertifiedProductsPage'));
const DatasheetReviewPage = lazy(() => import('../features/datasheets/DatasheetReviewPage'));
const ContactDisclosurePage = lazy(() => import('../features/datasheets/ContactDisclosurePage'));
// Multi-party project certificates (COPRO §5c): the parties' companies and the certification body's staff.
const ProjectCertificatesPage = lazy(() => import('../features/projects/ProjectCertificatesPage'));
const ProjectCertificatePage = lazy(() => import('../features/projects/ProjectCertificatePage'));
const NewProjectPage = lazy(() => import('../features/projects/NewProjectPage'));
const PROJECT_READERS: readonly Role[] = [...ORGANISATION_ROLES, 'TENANT_ADMIN', 'CLERK', 'SIGNER', 'PRIVACY_OFFICER', 'AUDITOR'];

/**
 * The public page a visitor lands on (a certificate's QR code, a datasheet's code on a delivery note,
 * the search), loaded beside the messages before the first render so it shows at once on a phone.
 */
export function preloadLandingPage(pathname: string): Promise<unknown> {
  if (/^\/verification(\/|$)/.test(pathname)) return VerificationPage.preload();
  if (/^\/datasheets\/?$/.test(pathname)) return PublicDatasheetSearchPage.preload();
  if (/^\/datasheets\/./.test(pathname)) return PublicDatasheetPage.preload();
  return Promise.resolve();
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<DirectoryPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          {/* The three paths the server's e-mails link to. */}
          <Route path="confirm-email" element={<ConfirmEmailPage />} />
          <Route path="accept-invitation" element={<AcceptInvitationPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          {/* The API keeps /verify/:number (the QR code's plain GET, HTML or JSON); its page links here. */}
          <Route path="verification" element={<VerificationPage />} />
          <Route path="verification/:number" element={<VerificationPage />} />
          <Route path="datasheets" element={<PublicDatasheetSearchPage />} />
          {/* Not a code (a code is 8 characters of capitals and digits): the register of withdrawn datasheets. */}
          <Route path="datasheets/withdrawn" element={<PublicWithdrawnDatasheetsPage />} />
          <Route path="datasheets/id/:id" element={<PublicDatasheetPage />} />
          <Route path="datasheets/:code" element={<PublicDatasheetPage />} />
          {/* Privacy: the public request form, its e-mails' links (confirmation, an export's download), a tenant's notice and sub-processors. */}
          <Route path="privacy/request" element={<PublicRequestPage />} />
          <Route path="privacy/confirm-request" element={<ConfirmRequestPage />} />
          <Route path="privacy/export" element={<ExportDownloadPage />} />
          <Route path="privacy/:slug" element={<PrivacyNoticePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route
          path="app"
          element={
            <RequireSession>
              <Suspense fallback={<Loading />}>
                <AppLayout />
              </Suspense>
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="second-factor" element={<SecondFactorPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="my-data" element={<MyDataPage />} />
          <Route path="my-data-accesses" element={<MyDataAccessesPage />} />
          <Route path="signature" element={<RequireRoles roles={['SIGNER']}><SignaturePage /></RequireRoles>} />
          <Route path="password" element={<PasswordPage />} />
          <Route path="processing-statistics" element={<RequireRoles roles={['TENANT_ADMIN', 'CLERK', 'SIGNER']} kinds={CHAMBER}><ProcessingStatisticsPage /></RequireRoles>} />
          <Route path="users/:userId/processing-statistics" element={<RequireRoles roles={['TENANT_ADMIN']} kinds={CHAMBER}><ProcessingStatisticsPage /></RequireRoles>} />
          <Route path="company" element={<RequireRoles roles={ORGANISATION_ROLES}><CompanyPage /></RequireRoles>} />
          <Route path="users" element={<RequireRoles roles={['ORG_ADMIN', 'TENANT_ADMIN']}><UsersPage /></RequireRoles>} />
          <Route path="companies/administrator-second-factor" element={<RequireRoles roles={['TENANT_ADMIN']}><ResetCompanyAdministratorSecondFactorPage /></RequireRoles>} />
          <Route path="api-keys" element={<RequireRoles roles={['ORG_ADMIN', 'TENANT_ADMIN']}><ApiKeysPage /></RequireRoles>} />
          <Route path="webhooks" element={<RequireRoles roles={['ORG_ADMIN', 'TENANT_ADMIN']}><WebhooksPage /></RequireRoles>} />
          <Route path="audit" element={<RequireRoles roles={['TENANT_ADMIN', 'AUDITOR']}><AuditLogPage /></RequireRoles>} />
          <Route path="privacy/accesses" element={<RequireRoles roles={['PRIVACY_OFFICER']}><AccessLogPage /></RequireRoles>} />
          <Route path="privacy/users/:userId" element={<RequireRoles roles={['PRIVACY_OFFICER']}><PrivacyUserPage /></RequireRoles>} />
          <Route path="certificates" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CHAMBER}><CertificatesPage /></RequireRoles>} />
          <Route path="certificates/new" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CHAMBER}><NewApplicationPage /></RequireRoles>} />
          <Route path="certificates/:applicationId" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CHAMBER}><ApplicationPage /></RequireRoles>} />
          <Route path="review" element={<RequireRoles roles={CERTIFICATE_STAFF} kinds={CHAMBER}><ReviewQueuePage /></RequireRoles>} />
          <Route path="review/:applicationId" element={<RequireRoles roles={CERTIFICATE_STAFF} kinds={CHAMBER}><ReviewApplicationPage /></RequireRoles>} />
          <Route path="invoicing" element={<RequireRoles roles={['TENANT_ADMIN', 'AUDITOR']} kinds={CHAMBER}><InvoicingPage /></RequireRoles>} />
          <Route path="privacy/requests" element={<RequireRoles roles={['PRIVACY_OFFICER']}><RequestQueuePage /></RequireRoles>} />
          <Route path="privacy/requests/:requestId" element={<RequireRoles roles={['PRIVACY_OFFICER']}><RequestDetailPage /></RequireRoles>} />
          <Route path="privacy/breaches" element={<RequireRoles roles={['PRIVACY_OFFICER']}><BreachesPage /></RequireRoles>} />
          <Route path="privacy/register" element={<RequireRoles roles={['PRIVACY_OFFICER']}><RegisterExportPage /></RequireRoles>} />
          <Route path="platform/register" element={<RequireRoles roles={['PLATFORM_ADMIN']}><RegisterExportPage platform /></RequireRoles>} />
          <Route path="settings" element={<RequireRoles roles={['TENANT_ADMIN', 'PRIVACY_OFFICER']}><TenantSettingsPage /></RequireRoles>} />
          <Route path="offboarding" element={<RequireRoles roles={['TENANT_ADMIN']}><TenantOffboardingPage /></RequireRoles>} />
          <Route path="privacy/policy" element={<RequireRoles roles={['PRIVACY_OFFICER', 'TENANT_ADMIN']}><PrivacyPolicyPage /></RequireRoles>} />
          <Route path="privacy/retention" element={<RequireRoles roles={['PRIVACY_OFFICER', 'TENANT_ADMIN']}><RetentionSchedulePage /></RequireRoles>} />
          <Route path="privacy/sub-processors" element={<RequireRoles roles={['PRIVACY_OFFICER', 'TENANT_ADMIN']}><SubProcessorsPage /></RequireRoles>} />
          <Route path="privacy/support-access" element={<RequireRoles roles={['TENANT_ADMIN', 'PRIVACY_OFFICER']}><SupportAccessPage /></RequireRoles>} />
          <Route path="sub-processor-changes" element={<RequireRoles roles={['ORG_ADMIN']}><SubProcessorChangesPage /></RequireRoles>} />
          <Route path="platform/tenants/new" element={<RequireRoles roles={['PLATFORM_ADMIN']}><CreateTenantPage /></RequireRoles>} />
          <Route path="platform/tenants/administrator" element={<RequireRoles roles={['PLATFORM_ADMIN']}><InviteTenantAdministratorPage /></RequireRoles>} />
          <Route path="platform/tenants/second-factor" element={<RequireRoles roles={['PLATFORM_ADMIN']}><ResetAdministratorSecondFactorPage /></RequireRoles>} />
          <Route path="platform/support" element={<RequireRoles roles={['PLATFORM_ADMIN']}><SupportRequestsPage /></RequireRoles>} />
          <Route path="platform/support/:grantId" element={<RequireRoles roles={['PLATFORM_ADMIN']}><SupportGrantPage /></RequireRoles>} />
          <Route path="platform/offboarding" element={<RequireRoles roles={['PLATFORM_ADMIN']}><OffboardingsPage /></RequireRoles>} />
          <Route path="platform/audit-log" element={<RequireRoles roles={['PLATFORM_ADMIN']}><PlatformAuditLogPage /></RequireRoles>} />
          <Route path="datasheets" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CERTIFICATION_BODY}><CompanyDatasheetsPage /></RequireRoles>} />
          <Route path="datasheets/:productId" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CERTIFICATION_BODY}><DatasheetEditorPage /></RequireRoles>} />
          <Route path="contact-disclosure" element={<ContactDisclosurePage />} />
          <Route path="certified-products" element={<RequireRoles roles={['TENANT_ADMIN', 'CLERK']} kinds={CERTIFICATION_BODY}><CertifiedProductsPage /></RequireRoles>} />
          <Route path="datasheet-review" element={<RequireRoles roles={['TENANT_ADMIN', 'CLERK']} kinds={CERTIFICATION_BODY}><DatasheetReviewPage /></RequireRoles>} />
          <Route path="projects" element={<RequireRoles roles={PROJECT_READERS} kinds={CERTIFICATION_BODY}><ProjectCertificatesPage /></RequireRoles>} />
          <Route path="projects/new" element={<RequireRoles roles={ORGANISATION_ROLES} kinds={CERTIFICATION_BODY}><NewProjectPage /></RequireRoles>} />
          <Route path="projects/:projectId" element={<RequireRoles roles={PROJECT_READERS} kinds={CERTIFICATION_BODY}><ProjectCertificatePage /></RequireRoles>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
