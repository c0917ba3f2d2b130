/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      preferredLanguage\n    }\n  }\n": typeof types.UpdateMyLanguageDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      firstName\n      lastName\n      preferredLanguage\n      roles\n      status\n      totpEnrolledAt\n      organisationId\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!, $tenant: String) {\n    requestPasswordReset(email: $email, tenant: $tenant)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query MyPersonalDataAccesses($first: Int!, $before: ID) {\n    myPersonalDataAccesses(first: $first, before: $before) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n    }\n  }\n": typeof types.MyPersonalDataAccessesDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n      roles\n      status\n      lastLoginAt\n      totpEnrolledAt\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment\n  }\n": typeof types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n": typeof types.ConfirmTotpEnrolmentDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndMySession($sessionId: ID!) {\n    endMySession(sessionId: $sessionId) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.EndMySessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  query MySignature {\n    me {\n      id\n      signatureImage\n    }\n  }\n": typeof types.MySignatureDocument,
    "\n  mutation SetMySignatureImage($image: String!) {\n    setMySignatureImage(image: $image) {\n      id\n    }\n  }\n": typeof types.SetMySignatureImageDocument,
    "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code)\n  }\n": typeof types.StepUpDocument,
    "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n": typeof types.TenantDirectoryDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query CompanyForAdmin($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      iban\n      loginMethod\n      isMember\n    }\n  }\n": typeof types.CompanyForAdminDocument,
    "\n  query CompanyForMember($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n    }\n  }\n": typeof types.CompanyForMemberDocument,
    "\n  mutation UpdateCompany($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n      jobTitle\n      status\n      totpEnrolledAt\n      roles\n    }\n  }\n": typeof types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {\n    changeUserRoles(input: $input) {\n      id\n      roles\n    }\n  }\n": typeof types.ChangeUserRolesDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n": typeof types.PersonalDataAccessesDocument,
    "\n  query Breaches {\n    breaches {\n      id\n      reference\n      becameAwareAt\n      occurredAt\n      authorityDeadline\n      authorityNotifiedAt\n      notifiable\n      notNotifiableReason\n      highRisk\n      affectedPeople\n      subjectsNotified\n      subjectsNotifiedAt\n      nature\n      dataCategories\n      notificationDraft\n    }\n  }\n": typeof types.BreachesDocument,
    "\n  mutation RegisterBreach($input: RegisterBreachInput!) {\n    registerBreach(input: $input) {\n      id\n      reference\n    }\n  }\n": typeof types.RegisterBreachDocument,
    "\n  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {\n    recordBreachAuthorityNotification(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordBreachAuthorityNotificationDocument,
    "\n  mutation NotifyBreachSubjects($breachId: ID!) {\n    notifyBreachSubjects(breachId: $breachId) {\n      id\n    }\n  }\n": typeof types.NotifyBreachSubjectsDocument,
    "\n  mutation ConfirmDataSubjectRequest($token: String!) {\n    confirmDataSubjectRequest(token: $token)\n  }\n": typeof types.ConfirmDataSubjectRequestDocument,
    "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n": typeof types.TenantPrivacyDocument,
    "\n  query PrivacyUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      firstName\n      lastName\n      email\n      jobTitle\n      organisationId\n      status\n      roles\n      lastLoginAt\n    }\n    sessionsOfUser(userId: $userId) {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": typeof types.PrivacyUserDocument,
    "\n  query PrivacyTenants {\n    tenants {\n      slug\n      name\n    }\n  }\n": typeof types.PrivacyTenantsDocument,
    "\n  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {\n    submitDataSubjectRequest(input: $input)\n  }\n": typeof types.SubmitDataSubjectRequestDocument,
    "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n": typeof types.ProcessingRegisterDocument,
    "\n  mutation CheckDataSubjectIdentity($requestId: ID!) {\n    checkDataSubjectIdentity(requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.CheckDataSubjectIdentityDocument,
    "\n  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {\n    extendDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": typeof types.ExtendDataSubjectRequestDocument,
    "\n  mutation ExportForDataSubjectRequest($requestId: ID!) {\n    exportForDataSubjectRequest(requestId: $requestId) {\n      id\n      document\n    }\n  }\n": typeof types.ExportForDataSubjectRequestDocument,
    "\n  mutation EraseForDataSubjectRequest($requestId: ID!) {\n    eraseForDataSubjectRequest(requestId: $requestId) {\n      id\n      holders {\n        holder\n        deleted\n        deidentified\n        keptAsReference\n        reason\n      }\n    }\n  }\n": typeof types.EraseForDataSubjectRequestDocument,
    "\n  mutation RestrictForDataSubjectRequest($requestId: ID!) {\n    restrictForDataSubjectRequest(requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RestrictForDataSubjectRequestDocument,
    "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": typeof types.CloseDataSubjectRequestDocument,
    "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n": typeof types.DataSubjectRequestQueueDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input)\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ConfirmEmail($token: String!) {\n    confirmEmail(token: $token)\n  }\n": typeof types.ConfirmEmailDocument,
    "\n  query ProposeChamber($postalCode: String!) {\n    proposeChamber(postalCode: $postalCode) {\n      slug\n      name\n      city\n    }\n  }\n": typeof types.ProposeChamberDocument,
    "\n  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      tenant {\n        slug\n        name\n      }\n    }\n  }\n": typeof types.RegisterOrganisationDocument,
    "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      id\n      sequence\n      occurredAt\n      action\n      actorKind\n      actorId\n      subjectType\n      subjectId\n      details {\n        key\n        value\n      }\n    }\n  }\n": typeof types.AuditEntriesDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      entries\n      firstBrokenSequence\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
};
const documents: Documents = {
    "\n  mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      preferredLanguage\n    }\n  }\n": types.UpdateMyLanguageDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      firstName\n      lastName\n      preferredLanguage\n      roles\n      status\n      totpEnrolledAt\n      organisationId\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!, $tenant: String) {\n    requestPasswordReset(email: $email, tenant: $tenant)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": types.LoginDocument,
    "\n  query MyPersonalDataAccesses($first: Int!, $before: ID) {\n    myPersonalDataAccesses(first: $first, before: $before) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n    }\n  }\n": types.MyPersonalDataAccessesDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n      roles\n      status\n      lastLoginAt\n      totpEnrolledAt\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment\n  }\n": types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n": types.ConfirmTotpEnrolmentDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndMySession($sessionId: ID!) {\n    endMySession(sessionId: $sessionId) {\n      id\n      revokedAt\n    }\n  }\n": types.EndMySessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  query MySignature {\n    me {\n      id\n      signatureImage\n    }\n  }\n": types.MySignatureDocument,
    "\n  mutation SetMySignatureImage($image: String!) {\n    setMySignatureImage(image: $image) {\n      id\n    }\n  }\n": types.SetMySignatureImageDocument,
    "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code)\n  }\n": types.StepUpDocument,
    "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n": types.TenantDirectoryDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query CompanyForAdmin($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      iban\n      loginMethod\n      isMember\n    }\n  }\n": types.CompanyForAdminDocument,
    "\n  query CompanyForMember($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n    }\n  }\n": types.CompanyForMemberDocument,
    "\n  mutation UpdateCompany($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n    }\n  }\n": types.UpdateCompanyDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n      jobTitle\n      status\n      totpEnrolledAt\n      roles\n    }\n  }\n": types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {\n    changeUserRoles(input: $input) {\n      id\n      roles\n    }\n  }\n": types.ChangeUserRolesDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": types.CreateTenantDocument,
    "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n": types.PersonalDataAccessesDocument,
    "\n  query Breaches {\n    breaches {\n      id\n      reference\n      becameAwareAt\n      occurredAt\n      authorityDeadline\n      authorityNotifiedAt\n      notifiable\n      notNotifiableReason\n      highRisk\n      affectedPeople\n      subjectsNotified\n      subjectsNotifiedAt\n      nature\n      dataCategories\n      notificationDraft\n    }\n  }\n": types.BreachesDocument,
    "\n  mutation RegisterBreach($input: RegisterBreachInput!) {\n    registerBreach(input: $input) {\n      id\n      reference\n    }\n  }\n": types.RegisterBreachDocument,
    "\n  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {\n    recordBreachAuthorityNotification(input: $input) {\n      id\n    }\n  }\n": types.RecordBreachAuthorityNotificationDocument,
    "\n  mutation NotifyBreachSubjects($breachId: ID!) {\n    notifyBreachSubjects(breachId: $breachId) {\n      id\n    }\n  }\n": types.NotifyBreachSubjectsDocument,
    "\n  mutation ConfirmDataSubjectRequest($token: String!) {\n    confirmDataSubjectRequest(token: $token)\n  }\n": types.ConfirmDataSubjectRequestDocument,
    "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n": types.TenantPrivacyDocument,
    "\n  query PrivacyUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      firstName\n      lastName\n      email\n      jobTitle\n      organisationId\n      status\n      roles\n      lastLoginAt\n    }\n    sessionsOfUser(userId: $userId) {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": types.PrivacyUserDocument,
    "\n  query PrivacyTenants {\n    tenants {\n      slug\n      name\n    }\n  }\n": types.PrivacyTenantsDocument,
    "\n  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {\n    submitDataSubjectRequest(input: $input)\n  }\n": types.SubmitDataSubjectRequestDocument,
    "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n": types.ProcessingRegisterDocument,
    "\n  mutation CheckDataSubjectIdentity($requestId: ID!) {\n    checkDataSubjectIdentity(requestId: $requestId) {\n      id\n    }\n  }\n": types.CheckDataSubjectIdentityDocument,
    "\n  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {\n    extendDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": types.ExtendDataSubjectRequestDocument,
    "\n  mutation ExportForDataSubjectRequest($requestId: ID!) {\n    exportForDataSubjectRequest(requestId: $requestId) {\n      id\n      document\n    }\n  }\n": types.ExportForDataSubjectRequestDocument,
    "\n  mutation EraseForDataSubjectRequest($requestId: ID!) {\n    eraseForDataSubjectRequest(requestId: $requestId) {\n      id\n      holders {\n        holder\n        deleted\n        deidentified\n        keptAsReference\n        reason\n      }\n    }\n  }\n": types.EraseForDataSubjectRequestDocument,
    "\n  mutation RestrictForDataSubjectRequest($requestId: ID!) {\n    restrictForDataSubjectRequest(requestId: $requestId) {\n      id\n    }\n  }\n": types.RestrictForDataSubjectRequestDocument,
    "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": types.CloseDataSubjectRequestDocument,
    "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n": types.DataSubjectRequestQueueDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input)\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ConfirmEmail($token: String!) {\n    confirmEmail(token: $token)\n  }\n": types.ConfirmEmailDocument,
    "\n  query ProposeChamber($postalCode: String!) {\n    proposeChamber(postalCode: $postalCode) {\n      slug\n      name\n      city\n    }\n  }\n": types.ProposeChamberDocument,
    "\n  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      tenant {\n        slug\n        name\n      }\n    }\n  }\n": types.RegisterOrganisationDocument,
    "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      id\n      sequence\n      occurredAt\n      action\n      actorKind\n      actorId\n      subjectType\n      subjectId\n      details {\n        key\n        value\n      }\n    }\n  }\n": types.AuditEntriesDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      entries\n      firstBrokenSequence\n    }\n  }\n": types.VerifyAuditChainDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      preferredLanguage\n    }\n  }\n"): typeof import('./graphql').UpdateMyLanguageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      firstName\n      lastName\n      preferredLanguage\n      roles\n      status\n      totpEnrolledAt\n      organisationId\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!, $tenant: String) {\n    requestPasswordReset(email: $email, tenant: $tenant)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPersonalDataAccesses($first: Int!, $before: ID) {\n    myPersonalDataAccesses(first: $first, before: $before) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n    }\n  }\n"): typeof import('./graphql').MyPersonalDataAccessesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      email\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n      roles\n      status\n      lastLoginAt\n      totpEnrolledAt\n    }\n  }\n"): typeof import('./graphql').MyProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n    }\n  }\n"): typeof import('./graphql').UpdateMyProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment\n  }\n"): typeof import('./graphql').BeginTotpEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n"): typeof import('./graphql').ConfirmTotpEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMySession($sessionId: ID!) {\n    endMySession(sessionId: $sessionId) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').EndMySessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): typeof import('./graphql').LogoutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySignature {\n    me {\n      id\n      signatureImage\n    }\n  }\n"): typeof import('./graphql').MySignatureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMySignatureImage($image: String!) {\n    setMySignatureImage(image: $image) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetMySignatureImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StepUp($code: String!) {\n    stepUp(code: $code)\n  }\n"): typeof import('./graphql').StepUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n"): typeof import('./graphql').TenantDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyForAdmin($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      iban\n      loginMethod\n      isMember\n    }\n  }\n"): typeof import('./graphql').CompanyForAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyForMember($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n    }\n  }\n"): typeof import('./graphql').CompanyForMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompany($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateCompanyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n      jobTitle\n      status\n      totpEnrolledAt\n      roles\n    }\n  }\n"): typeof import('./graphql').ManagedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').InviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {\n    changeUserRoles(input: $input) {\n      id\n      roles\n    }\n  }\n"): typeof import('./graphql').ChangeUserRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DisableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n"): typeof import('./graphql').PersonalDataAccessesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Breaches {\n    breaches {\n      id\n      reference\n      becameAwareAt\n      occurredAt\n      authorityDeadline\n      authorityNotifiedAt\n      notifiable\n      notNotifiableReason\n      highRisk\n      affectedPeople\n      subjectsNotified\n      subjectsNotifiedAt\n      nature\n      dataCategories\n      notificationDraft\n    }\n  }\n"): typeof import('./graphql').BreachesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterBreach($input: RegisterBreachInput!) {\n    registerBreach(input: $input) {\n      id\n      reference\n    }\n  }\n"): typeof import('./graphql').RegisterBreachDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {\n    recordBreachAuthorityNotification(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordBreachAuthorityNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NotifyBreachSubjects($breachId: ID!) {\n    notifyBreachSubjects(breachId: $breachId) {\n      id\n    }\n  }\n"): typeof import('./graphql').NotifyBreachSubjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmDataSubjectRequest($token: String!) {\n    confirmDataSubjectRequest(token: $token)\n  }\n"): typeof import('./graphql').ConfirmDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n"): typeof import('./graphql').TenantPrivacyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      firstName\n      lastName\n      email\n      jobTitle\n      organisationId\n      status\n      roles\n      lastLoginAt\n    }\n    sessionsOfUser(userId: $userId) {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n"): typeof import('./graphql').PrivacyUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyTenants {\n    tenants {\n      slug\n      name\n    }\n  }\n"): typeof import('./graphql').PrivacyTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {\n    submitDataSubjectRequest(input: $input)\n  }\n"): typeof import('./graphql').SubmitDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n"): typeof import('./graphql').ProcessingRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckDataSubjectIdentity($requestId: ID!) {\n    checkDataSubjectIdentity(requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').CheckDataSubjectIdentityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {\n    extendDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').ExtendDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportForDataSubjectRequest($requestId: ID!) {\n    exportForDataSubjectRequest(requestId: $requestId) {\n      id\n      document\n    }\n  }\n"): typeof import('./graphql').ExportForDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseForDataSubjectRequest($requestId: ID!) {\n    eraseForDataSubjectRequest(requestId: $requestId) {\n      id\n      holders {\n        holder\n        deleted\n        deidentified\n        keptAsReference\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').EraseForDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestrictForDataSubjectRequest($requestId: ID!) {\n    restrictForDataSubjectRequest(requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RestrictForDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CloseDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n"): typeof import('./graphql').DataSubjectRequestQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input)\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmail($token: String!) {\n    confirmEmail(token: $token)\n  }\n"): typeof import('./graphql').ConfirmEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposeChamber($postalCode: String!) {\n    proposeChamber(postalCode: $postalCode) {\n      slug\n      name\n      city\n    }\n  }\n"): typeof import('./graphql').ProposeChamberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      tenant {\n        slug\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      id\n      sequence\n      occurredAt\n      action\n      actorKind\n      actorId\n      subjectType\n      subjectId\n      details {\n        key\n        value\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      valid\n      entries\n      firstBrokenSequence\n    }\n  }\n"): typeof import('./graphql').VerifyAuditChainDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
