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
    "\n  query SessionTenant($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      kinds\n    }\n  }\n": typeof types.SessionTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!, $tenant: String) {\n    requestPasswordReset(email: $email, tenant: $tenant)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query MyPersonalDataAccesses($first: Int!, $before: ID) {\n    myPersonalDataAccesses(first: $first, before: $before) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n    }\n  }\n": typeof types.MyPersonalDataAccessesDocument,
    "\n  query MyPersonalDataExport($portability: Boolean!) {\n    myPersonalDataExport(portability: $portability)\n  }\n": typeof types.MyPersonalDataExportDocument,
    "\n  query MyDataSubjectRequests {\n    myDataSubjectRequests {\n      id\n      type\n      status\n      receivedAt\n      dueOn\n      completedAt\n      outcome\n      answerKind\n    }\n  }\n": typeof types.MyDataSubjectRequestsDocument,
    "\n  mutation RequestMyDataSubjectRight($input: MyDataSubjectRequestInput!) {\n    requestMyDataSubjectRight(input: $input) {\n      id\n      dueOn\n    }\n  }\n": typeof types.RequestMyDataSubjectRightDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, refreshTokenIn: COOKIE) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  query ProcessingStatistics($userId: ID) {\n    certificateProcessingStatistics(userId: $userId) {\n      userId\n      month\n      reviewed\n      signed\n    }\n  }\n": typeof types.ProcessingStatisticsDocument,
    "\n  query ProcessingStatisticsStaffMember {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n": typeof types.ProcessingStatisticsStaffMemberDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n      roles\n      status\n      lastLoginAt\n      totpEnrolledAt\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  query MyRecoveryCodes {\n    myRecoveryCodes {\n      remaining\n      generatedAt\n    }\n  }\n": typeof types.MyRecoveryCodesDocument,
    "\n  mutation RegenerateRecoveryCodes($totpCode: String!) {\n    regenerateRecoveryCodes(totpCode: $totpCode) {\n      codes\n      generatedAt\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment\n  }\n": typeof types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolmentWithRecoveryCodes($code: String!) {\n    confirmTotpEnrolmentWithRecoveryCodes(code: $code) {\n      codes\n      generatedAt\n    }\n  }\n": typeof types.ConfirmTotpEnrolmentWithRecoveryCodesDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndMySession($sessionId: ID!) {\n    endMySession(sessionId: $sessionId) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.EndMySessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  query MySignature {\n    me {\n      id\n      signatureImage\n    }\n  }\n": typeof types.MySignatureDocument,
    "\n  mutation SetMySignatureImage($image: String!) {\n    setMySignatureImage(image: $image) {\n      id\n    }\n  }\n": typeof types.SetMySignatureImageDocument,
    "\n  mutation StepUp($code: String, $password: String) {\n    stepUp(code: $code, password: $password)\n  }\n": typeof types.StepUpDocument,
    "\n  query VerifyCertificate($number: String!, $code: String!) {\n    verifyCertificate(number: $number, code: $code) {\n      authentic\n      number\n      status\n      revocationReason\n      supersededByNumber\n      issuingChamber\n      issuedAt\n      countryOfOrigin\n      goodsHash\n      keyId\n      recordDestroyedAt\n      goods {\n        description\n        hsCode\n        quantity\n        unit\n        grossWeightKg\n        netWeightKg\n        packages\n        marksAndNumbers\n      }\n    }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  fragment ApplicationFields on CertificateApplication {\n    id\n    state\n    language\n    exporterName\n    exporterAddress\n    exporterCountry\n    consigneeName\n    consigneeAddress\n    consigneeCountry\n    countryOfOrigin\n    transportDetails\n    goods {\n      description\n      hsCode\n      quantity\n      unit\n      grossWeightKg\n      netWeightKg\n      marksAndNumbers\n      packages\n    }\n    invoiceReferences\n    remarks\n    declarationAccepted\n    supportingDocuments {\n      id\n      fileName\n      mediaType\n      sizeBytes\n      createdAt\n    }\n    claimedBy\n    reviewComment\n    companyReply\n    companyRepliedAt\n    rejectionReason\n    replacesCertificateId\n    startedFromApplicationId\n    certificateId\n    createdAt\n    updatedAt\n    submittedAt\n    destroyedAt\n  }\n": typeof types.ApplicationFieldsFragmentDoc,
    "\n  fragment CertificateFields on CertificateOfOrigin {\n    id\n    applicationId\n    number\n    status\n    language\n    countryOfOrigin\n    issuedAt\n    revokedAt\n    revocationReason\n    supersededByNumber\n    verificationCode\n    pdfReady\n    destroyedAt\n    copies {\n      id\n      copyNumber\n      createdAt\n      pdfReady\n    }\n  }\n": typeof types.CertificateFieldsFragmentDoc,
    "\n  query CertificateApplications($state: String, $first: Int!, $after: ID, $organisationId: ID) {\n    certificateApplications(state: $state, first: $first, after: $after, organisationId: $organisationId) {\n      id\n      state\n      exporterName\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      createdAt\n      submittedAt\n      updatedAt\n      claimedBy\n      certificateId\n      destroyedAt\n      goods {\n        hsCode\n      }\n    }\n  }\n": typeof types.CertificateApplicationsDocument,
    "\n  query CertificateByNumber($number: String!) {\n    certificatesOfOrigin(number: $number, first: 1) {\n      id\n      applicationId\n      number\n    }\n  }\n": typeof types.CertificateByNumberDocument,
    "\n  query CertificateApplication($applicationId: ID!) {\n    certificateApplication(applicationId: $applicationId) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.CertificateApplicationDocument,
    "\n  query CertificateOfOrigin($certificateId: ID!) {\n    certificateOfOrigin(certificateId: $certificateId) {\n      ...CertificateFields\n    }\n  }\n": typeof types.CertificateOfOriginDocument,
    "\n  query SavedConsignees {\n    savedConsignees {\n      id\n      name\n      address\n      country\n    }\n  }\n": typeof types.SavedConsigneesDocument,
    "\n  mutation SaveConsignee($input: ConsigneeInput!) {\n    saveConsignee(input: $input) {\n      id\n    }\n  }\n": typeof types.SaveConsigneeDocument,
    "\n  mutation RemoveSavedConsignee($consigneeId: ID!) {\n    removeSavedConsignee(consigneeId: $consigneeId)\n  }\n": typeof types.RemoveSavedConsigneeDocument,
    "\n  mutation RemoveSupportingDocument($applicationId: ID!, $documentId: ID!) {\n    removeSupportingDocument(applicationId: $applicationId, documentId: $documentId) {\n      id\n    }\n  }\n": typeof types.RemoveSupportingDocumentDocument,
    "\n  mutation DeleteCertificateApplicationDraft($applicationId: ID!) {\n    deleteCertificateApplicationDraft(applicationId: $applicationId)\n  }\n": typeof types.DeleteCertificateApplicationDraftDocument,
    "\n  mutation WithdrawCertificateApplication($applicationId: ID!) {\n    withdrawCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": typeof types.WithdrawCertificateApplicationDocument,
    "\n  mutation CreateCertificateApplication($input: CreateCertificateApplicationInput!) {\n    createCertificateApplication(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCertificateApplicationDocument,
    "\n  mutation UpdateCertificateApplication($input: UpdateCertificateApplicationInput!) {\n    updateCertificateApplication(input: $input) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.UpdateCertificateApplicationDocument,
    "\n  mutation SubmitCertificateApplication($applicationId: ID!, $reply: String) {\n    submitCertificateApplication(applicationId: $applicationId, reply: $reply) {\n      id\n      state\n    }\n  }\n": typeof types.SubmitCertificateApplicationDocument,
    "\n  mutation ReplaceCertificate($certificateId: ID!) {\n    replaceCertificate(certificateId: $certificateId) {\n      id\n    }\n  }\n": typeof types.ReplaceCertificateDocument,
    "\n  mutation RequestCertificateCopy($certificateId: ID!) {\n    requestCertificateCopy(certificateId: $certificateId) {\n      id\n      copyNumber\n    }\n  }\n": typeof types.RequestCertificateCopyDocument,
    "\n  mutation ClaimCertificateApplication($applicationId: ID!) {\n    claimCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": typeof types.ClaimCertificateApplicationDocument,
    "\n  mutation ReleaseCertificateApplication($applicationId: ID!) {\n    releaseCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": typeof types.ReleaseCertificateApplicationDocument,
    "\n  mutation RequestCertificateApplicationChanges($applicationId: ID!, $comment: String!) {\n    requestCertificateApplicationChanges(applicationId: $applicationId, comment: $comment) {\n      id\n      state\n    }\n  }\n": typeof types.RequestCertificateApplicationChangesDocument,
    "\n  mutation RejectCertificateApplication($applicationId: ID!, $reason: String!) {\n    rejectCertificateApplication(applicationId: $applicationId, reason: $reason) {\n      id\n      state\n    }\n  }\n": typeof types.RejectCertificateApplicationDocument,
    "\n  mutation ApproveCertificateApplication($applicationId: ID!) {\n    approveCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": typeof types.ApproveCertificateApplicationDocument,
    "\n  mutation SignCertificate($applicationId: ID!, $idempotencyKey: String!) {\n    signCertificate(applicationId: $applicationId, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n": typeof types.SignCertificateDocument,
    "\n  mutation RevokeCertificate($certificateId: ID!, $reason: String!) {\n    revokeCertificate(certificateId: $certificateId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeCertificateDocument,
    "\n  mutation RemoveDatasheetAttachment($attachmentId: ID!) {\n    removeDatasheetAttachment(attachmentId: $attachmentId) {\n      id\n    }\n  }\n": typeof types.RemoveDatasheetAttachmentDocument,
    "\n  mutation CreateCertifiedProduct($input: CreateCertifiedProductInput!) {\n    createCertifiedProduct(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateCertifiedProductDocument,
    "\n  mutation ChangeCertifiedProductStatus($id: ID!, $status: CertifiedProductStatus!) {\n    changeCertifiedProductStatus(id: $id, status: $status) {\n      id\n      status\n      statusChangedAt\n    }\n  }\n": typeof types.ChangeCertifiedProductStatusDocument,
    "\n  mutation SetProductFamilySchema($input: SetProductFamilySchemaInput!) {\n    setProductFamilySchema(input: $input) {\n      id\n      family\n      version\n    }\n  }\n": typeof types.SetProductFamilySchemaDocument,
    "\n  mutation ObjectToContactDisclosure {\n    objectToContactDisclosure {\n      withdrawnRoles\n      datasheetsAffected\n      replacementDeadline\n    }\n  }\n": typeof types.ObjectToContactDisclosureDocument,
    "\n  mutation CreateDatasheet($input: CreateDatasheetInput!) {\n    createDatasheet(input: $input) {\n      id\n      datasheetId\n      state\n    }\n  }\n": typeof types.CreateDatasheetDocument,
    "\n  mutation UpdateDatasheetDraft($input: UpdateDatasheetDraftInput!) {\n    updateDatasheetDraft(input: $input) {\n      id\n      state\n      updatedAt\n    }\n  }\n": typeof types.UpdateDatasheetDraftDocument,
    "\n  mutation SubmitDatasheetVersion($versionId: ID!) {\n    submitDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      submittedAt\n    }\n  }\n": typeof types.SubmitDatasheetVersionDocument,
    "\n  mutation StartDatasheetVersion($datasheetId: ID!) {\n    startDatasheetVersion(datasheetId: $datasheetId) {\n      id\n      state\n    }\n  }\n": typeof types.StartDatasheetVersionDocument,
    "\n  query ContactCandidates {\n    datasheetContactCandidates {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n": typeof types.ContactCandidatesDocument,
    "\n  mutation NameDatasheetContact($datasheetId: ID!, $userId: ID!) {\n    nameDatasheetContact(datasheetId: $datasheetId, userId: $userId) {\n      id\n      contactUserId\n      contactReplacementRequired\n    }\n  }\n": typeof types.NameDatasheetContactDocument,
    "\n  mutation ApproveDatasheetVersion($versionId: ID!) {\n    approveDatasheetVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n": typeof types.ApproveDatasheetVersionDocument,
    "\n  mutation RequestDatasheetChanges($versionId: ID!, $comment: String!) {\n    requestDatasheetChanges(versionId: $versionId, comment: $comment) {\n      id\n      state\n    }\n  }\n": typeof types.RequestDatasheetChangesDocument,
    "\n  mutation PublishDatasheetVersion($versionId: ID!) {\n    publishDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      publishedAt\n    }\n  }\n": typeof types.PublishDatasheetVersionDocument,
    "\n  mutation UnpublishDatasheet($datasheetId: ID!) {\n    unpublishDatasheet(datasheetId: $datasheetId) {\n      id\n    }\n  }\n": typeof types.UnpublishDatasheetDocument,
    "\n  query ContactDisclosureNotice($language: String!) {\n    contactDisclosureNotice(language: $language) {\n      version\n      language\n      text\n    }\n  }\n": typeof types.ContactDisclosureNoticeDocument,
    "\n  mutation AcknowledgeContactDisclosureNotice($version: String!) {\n    acknowledgeContactDisclosureNotice(version: $version) {\n      acknowledgedAt\n      noticeVersion\n    }\n  }\n": typeof types.AcknowledgeContactDisclosureNoticeDocument,
    "\n  query PublishedDatasheet($code: String, $id: ID) {\n    publishedDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      publishedAt\n      productName\n      productFamily\n      productionUnit\n      scheme\n      certificateReference\n      holderName\n      characteristics\n      texts {\n        language\n        title\n        description\n      }\n      contactKind\n      contactName\n      contactPosition\n      contactEmail\n      contactPhone\n      contactReplacementRequired\n      attachments {\n        id\n        title\n        language\n        fileName\n        mediaType\n        sizeBytes\n      }\n    }\n  }\n": typeof types.PublishedDatasheetDocument,
    "\n  query PublishedDatasheetHistory($code: String!) {\n    publishedDatasheetHistory(code: $code) {\n      versionId\n      versionNumber\n      publishedAt\n      supersededAt\n      withdrawnAt\n      characteristics\n    }\n  }\n": typeof types.PublishedDatasheetHistoryDocument,
    "\n  query PublishedFamilySchema($tenant: String!, $family: String!) {\n    publishedProductFamilySchema(tenant: $tenant, family: $family) {\n      jsonSchema\n    }\n  }\n": typeof types.PublishedFamilySchemaDocument,
    "\n  query WithdrawnDatasheet($code: String, $id: ID) {\n    withdrawnDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      productName\n      productFamily\n      certificateReference\n      scheme\n      holderName\n      publishedAt\n      withdrawnAt\n      reason\n    }\n  }\n": typeof types.WithdrawnDatasheetDocument,
    "\n  query SearchPublishedDatasheets(\n    $tenant: String\n    $productFamily: String\n    $productName: String\n    $holderName: String\n    $certificateReference: String\n    $first: Int\n    $after: String\n  ) {\n    searchPublishedDatasheets(\n      tenant: $tenant\n      productFamily: $productFamily\n      productName: $productName\n      holderName: $holderName\n      certificateReference: $certificateReference\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        productFamily\n        holderName\n        scheme\n        certificateReference\n        publishedAt\n        versionNumber\n      }\n      nextCursor\n    }\n  }\n": typeof types.SearchPublishedDatasheetsDocument,
    "\n  query PublishedFamilySchemas {\n    publishedProductFamilySchemas {\n      tenantId\n      family\n      jsonSchema\n    }\n  }\n": typeof types.PublishedFamilySchemasDocument,
    "\n  query WithdrawnDatasheets($tenant: String, $first: Int, $after: String) {\n    withdrawnDatasheets(tenant: $tenant, first: $first, after: $after) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        holderName\n        scheme\n        certificateReference\n        withdrawnAt\n        reason\n      }\n      nextCursor\n    }\n  }\n": typeof types.WithdrawnDatasheetsDocument,
    "\n  query CertifiedProducts($first: Int, $after: ID, $search: String, $ids: [ID!]) {\n    certifiedProducts(first: $first, after: $after, search: $search, ids: $ids) {\n      id\n      organisationId\n      name\n      productFamily\n      certificateReference\n      scheme\n      productionUnit\n      status\n      statusChangedAt\n      createdAt\n    }\n  }\n": typeof types.CertifiedProductsDocument,
    "\n  query Companies($ids: [ID!], $nameContains: String, $first: Int) {\n    organisations(ids: $ids, nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n": typeof types.CompaniesDocument,
    "\n  query Datasheets($first: Int, $after: ID, $state: DatasheetState, $certifiedProductIds: [ID!], $contactReplacementRequired: Boolean) {\n    datasheets(first: $first, after: $after, state: $state, certifiedProductIds: $certifiedProductIds, contactReplacementRequired: $contactReplacementRequired) {\n      id\n      certifiedProductId\n      organisationId\n      publicCode\n      contactUserId\n      contactReplacementRequired\n      contactReplacementDeadline\n      contactSuspended\n      createdAt\n    }\n  }\n": typeof types.DatasheetsDocument,
    "\n  query ProductFamilySchemas {\n    productFamilySchemas {\n      id\n      family\n      version\n      jsonSchema\n      updatedAt\n    }\n  }\n": typeof types.ProductFamilySchemasDocument,
    "\n  fragment DatasheetVersionFields on DatasheetVersion {\n    id\n    datasheetId\n    number\n    state\n    characteristics\n    texts {\n      language\n      title\n      description\n    }\n    attachments {\n      id\n      title\n      language\n      fileName\n      mediaType\n      sizeBytes\n      sha256\n    }\n    completedBy\n    reviewComment\n    createdAt\n    updatedAt\n    submittedAt\n    approvedAt\n    publishedAt\n    supersededAt\n    unpublishedAt\n  }\n": typeof types.DatasheetVersionFieldsFragmentDoc,
    "\n  query DatasheetVersions($datasheetId: ID!) {\n    datasheetVersions(datasheetId: $datasheetId) {\n      ...DatasheetVersionFields\n    }\n  }\n": typeof types.DatasheetVersionsDocument,
    "\n  query DatasheetVersionsOf($datasheetIds: [ID!]!) {\n    datasheetVersionsOf(datasheetIds: $datasheetIds) {\n      ...DatasheetVersionFields\n    }\n  }\n": typeof types.DatasheetVersionsOfDocument,
    "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n": typeof types.TenantDirectoryDocument,
    "\n  query TenantDepartureList {\n    tenantOffboardings {\n      id\n      tenantId\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n": typeof types.TenantDepartureListDocument,
    "\n  mutation WithdrawTenantDeparture($offboardingId: ID!, $reason: String!) {\n    withdrawTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      tenantId\n      status\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawTenantDepartureDocument,
    "\n  mutation FileTenantDeparture($tenantId: ID!) {\n    requestTenantOffboarding(tenantId: $tenantId) {\n      id\n      tenantId\n      status\n    }\n  }\n": typeof types.FileTenantDepartureDocument,
    "\n  mutation DestroyDepartedTenant($offboardingId: ID!) {\n    destroyTenant(offboardingId: $offboardingId) {\n      id\n      tenantName\n      totalRowsDeleted\n    }\n  }\n": typeof types.DestroyDepartedTenantDocument,
    "\n  query DestructionCertificates {\n    tenantDestructionCertificates {\n      id\n      departedTenantId\n      tenantSlug\n      tenantName\n      requestedAt\n      confirmedAt\n      exportedAt\n      exportedRecords\n      destroyedAt\n      exportHash\n      certificateHash\n      rowsDeleted {\n        table\n        rows\n      }\n      totalRowsDeleted\n      signingKeyId\n      signature\n      signedContent\n      intact\n    }\n  }\n": typeof types.DestructionCertificatesDocument,
    "\n  query OwnTenantOffboarding {\n    tenantOffboardings {\n      id\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      exportHash\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n": typeof types.OwnTenantOffboardingDocument,
    "\n  mutation DeclineOwnTenantOffboarding($offboardingId: ID!, $reason: String!) {\n    declineTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n": typeof types.DeclineOwnTenantOffboardingDocument,
    "\n  mutation ConfirmOwnTenantOffboarding($offboardingId: ID!) {\n    confirmTenantOffboarding(offboardingId: $offboardingId) {\n      id\n      status\n      confirmedAt\n      destroyNotBefore\n    }\n  }\n": typeof types.ConfirmOwnTenantOffboardingDocument,
    "\n  mutation ExportOwnTenantArchive($offboardingId: ID!) {\n    exportTenantArchive(offboardingId: $offboardingId) {\n      offboardingId\n      records\n      withheld\n      sha256\n      json\n    }\n  }\n": typeof types.ExportOwnTenantArchiveDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query CompanyForAdmin($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      iban\n      loginMethod\n      isMember\n    }\n  }\n": typeof types.CompanyForAdminDocument,
    "\n  query CompanyForMember($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n    }\n  }\n": typeof types.CompanyForMemberDocument,
    "\n  mutation UpdateCompany($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  query CompanyToReset($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      phone\n      loginMethod\n    }\n  }\n": typeof types.CompanyToResetDocument,
    "\n  mutation ResetCompanyAdministratorSecondFactor($input: ResetCompanyAdministratorSecondFactorInput!) {\n    resetCompanyAdministratorSecondFactor(input: $input) {\n      organisationId\n      administratorId\n      resetAt\n    }\n  }\n": typeof types.ResetCompanyAdministratorSecondFactorDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n      jobTitle\n      status\n      totpEnrolledAt\n      roles\n    }\n  }\n": typeof types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {\n    changeUserRoles(input: $input) {\n      id\n      roles\n    }\n  }\n": typeof types.ChangeUserRolesDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation AppointCompanyAdministrator($input: AppointCompanyAdministratorInput!) {\n    appointCompanyAdministrator(input: $input) {\n      id\n      email\n    }\n  }\n": typeof types.AppointCompanyAdministratorDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId) {\n      id\n      totpEnrolledAt\n    }\n  }\n": typeof types.ResetSecondFactorDocument,
    "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      createdAt\n      secretRotatedAt\n    }\n    webhookEventTypes\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $deadLettersOnly: Boolean) {\n    webhookDeliveries(webhookId: $webhookId, deadLettersOnly: $deadLettersOnly) {\n      id\n      eventType\n      occurredAt\n      attempts\n      lastStatus\n      lastError\n      nextAttemptAt\n      deliveredAt\n      deadLetteredAt\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.RegisterWebhookDocument,
    "\n  mutation RotateWebhookSecret($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhook($webhookId: ID!) {\n    deleteWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      attempts\n      nextAttemptAt\n      deadLetteredAt\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n        name\n      }\n      invitationSentTo\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation InviteTenantAdministrator($input: InviteTenantAdministratorInput!) {\n    inviteTenantAdministrator(input: $input) {\n      tenant {\n        name\n      }\n      invitationSentTo\n      earlierInvitationsRevoked\n    }\n  }\n": typeof types.InviteTenantAdministratorDocument,
    "\n  query PlatformAuditEntries($first: Int!, $afterSequence: Int) {\n    platformAuditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n": typeof types.PlatformAuditEntriesDocument,
    "\n  query VerifyPlatformAuditChain {\n    verifyPlatformAuditChain {\n      ...ChainStatusFields\n    }\n  }\n": typeof types.VerifyPlatformAuditChainDocument,
    "\n  query PlatformLogCheckpoints($first: Int!) {\n    platformLogCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n": typeof types.PlatformLogCheckpointsDocument,
    "\n  mutation ResetTenantAdministratorSecondFactor($input: ResetTenantAdministratorSecondFactorInput!) {\n    resetTenantAdministratorSecondFactor(input: $input) {\n      administratorId\n      resetAt\n      tenant {\n        name\n      }\n    }\n  }\n": typeof types.ResetTenantAdministratorSecondFactorDocument,
    "\n  query OwnSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      endsAt\n      endedAt\n    }\n  }\n": typeof types.OwnSupportGrantsDocument,
    "\n  query UnderSupportGrant($grantId: ID!) {\n    supportAccounts(grantId: $grantId) {\n      id\n      organisationId\n      email\n      roles\n      createdAt\n    }\n    supportOrganisations(grantId: $grantId) {\n      id\n      name\n      companyNumber\n      vatNumber\n      street\n      postalCode\n      city\n      country\n      email\n      phone\n    }\n    supportCertificateApplications(grantId: $grantId, first: 50) {\n      id\n      organisationId\n      state\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      submittedAt\n      updatedAt\n    }\n    supportDatasheets(grantId: $grantId) {\n      id\n      organisationId\n      publicCode\n      latestVersion\n      latestState\n      createdAt\n    }\n  }\n": typeof types.UnderSupportGrantDocument,
    "\n  query OperatorSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n": typeof types.OperatorSupportGrantsDocument,
    "\n  mutation RequestSupportAccess($input: RequestSupportAccessInput!) {\n    requestSupportAccess(input: $input) {\n      id\n      tenantId\n      status\n    }\n  }\n": typeof types.RequestSupportAccessDocument,
    "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n": typeof types.PersonalDataAccessesDocument,
    "\n  query VerifyPersonalDataAccessChain {\n    verifyPersonalDataAccessChain {\n      valid\n      entries\n      firstBrokenSequence\n      reason\n      checkpointSequence\n      prunedEntries\n    }\n  }\n": typeof types.VerifyPersonalDataAccessChainDocument,
    "\n  query Breaches {\n    breaches {\n      id\n      reference\n      becameAwareAt\n      occurredAt\n      authorityDeadline\n      authorityNotifiedAt\n      notifiable\n      notNotifiableReason\n      highRisk\n      affectedPeople\n      subjectsNotified\n      subjectsNotifiedAt\n      nature\n      dataCategories\n      notificationDraft\n    }\n  }\n": typeof types.BreachesDocument,
    "\n  mutation RegisterBreach($input: RegisterBreachInput!) {\n    registerBreach(input: $input) {\n      id\n      reference\n    }\n  }\n": typeof types.RegisterBreachDocument,
    "\n  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {\n    recordBreachAuthorityNotification(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordBreachAuthorityNotificationDocument,
    "\n  mutation NotifyBreachSubjects($breachId: ID!) {\n    notifyBreachSubjects(breachId: $breachId) {\n      id\n    }\n  }\n": typeof types.NotifyBreachSubjectsDocument,
    "\n  mutation ConfirmDataSubjectRequest($token: String!) {\n    confirmDataSubjectRequest(token: $token)\n  }\n": typeof types.ConfirmDataSubjectRequestDocument,
    "\n  query LegalHolds {\n    legalHolds {\n      id\n      record\n      reason\n      placedAt\n    }\n  }\n": typeof types.LegalHoldsDocument,
    "\n  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {\n    placeLegalHold(input: $input)\n  }\n": typeof types.PlaceLegalHoldDocument,
    "\n  mutation ReleaseLegalHold($holdId: ID!) {\n    releaseLegalHold(holdId: $holdId)\n  }\n": typeof types.ReleaseLegalHoldDocument,
    "\n  query MyPolicyNotice($slug: String!) {\n    myPrivacyPolicyNotice {\n      versionId\n      answer\n      objectionDeadline\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      publishedAt\n    }\n  }\n": typeof types.MyPolicyNoticeDocument,
    "\n  mutation AcceptPolicy($versionId: ID!) {\n    acceptPrivacyPolicy(versionId: $versionId) {\n      versionId\n      answer\n    }\n  }\n": typeof types.AcceptPolicyDocument,
    "\n  mutation ObjectToPolicy($input: ObjectToPrivacyPolicyInput!) {\n    objectToPrivacyPolicy(input: $input) {\n      versionId\n      answer\n    }\n  }\n": typeof types.ObjectToPolicyDocument,
    "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n": typeof types.TenantPrivacyDocument,
    "\n  query TenantPolicyVersions($slug: String!) {\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n      objectionDeadline\n    }\n  }\n": typeof types.TenantPolicyVersionsDocument,
    "\n  query PolicyResponses($versionId: ID!) {\n    privacyPolicyResponses(versionId: $versionId) {\n      userId\n      answer\n      reason\n      respondedAt\n    }\n  }\n": typeof types.PolicyResponsesDocument,
    "\n  mutation PublishPolicy($input: PublishPrivacyPolicyInput!) {\n    publishPrivacyPolicy(input: $input) {\n      id\n      version\n      objectionDeadline\n    }\n  }\n": typeof types.PublishPolicyDocument,
    "\n  query PolicyObjector($userId: ID!) {\n    user(id: $userId) {\n      firstName\n      lastName\n      email\n    }\n  }\n": typeof types.PolicyObjectorDocument,
    "\n  query PrivacyUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      firstName\n      lastName\n      email\n      jobTitle\n      organisationId\n      status\n      roles\n      lastLoginAt\n    }\n    sessionsOfUser(userId: $userId) {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": typeof types.PrivacyUserDocument,
    "\n  query PrivacyTenants {\n    tenants {\n      slug\n      name\n    }\n  }\n": typeof types.PrivacyTenantsDocument,
    "\n  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {\n    submitDataSubjectRequest(input: $input)\n  }\n": typeof types.SubmitDataSubjectRequestDocument,
    "\n  query ProcessingActivities {\n    processingActivities {\n      id\n      name\n      purpose\n      legalBasis\n      dataSubjects\n      dataCategories\n      recipients\n      transfers\n      retention\n      securityMeasures\n      createdAt\n    }\n  }\n": typeof types.ProcessingActivitiesDocument,
    "\n  mutation AddProcessingActivity($input: AddProcessingActivityInput!) {\n    addProcessingActivity(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AddProcessingActivityDocument,
    "\n  mutation RemoveProcessingActivity($id: ID!) {\n    removeProcessingActivity(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.RemoveProcessingActivityDocument,
    "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n": typeof types.ProcessingRegisterDocument,
    "\n  query PlatformProcessingRegister($format: RegisterFormat!) {\n    platformProcessingRegister(format: $format)\n  }\n": typeof types.PlatformProcessingRegisterDocument,
    "\n  mutation CheckDataSubjectIdentity($requestId: ID!) {\n    checkDataSubjectIdentity(requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.CheckDataSubjectIdentityDocument,
    "\n  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {\n    extendDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": typeof types.ExtendDataSubjectRequestDocument,
    "\n  mutation ExportForDataSubjectRequest($requestId: ID!) {\n    exportForDataSubjectRequest(requestId: $requestId) {\n      id\n      document\n    }\n  }\n": typeof types.ExportForDataSubjectRequestDocument,
    "\n  mutation EraseForDataSubjectRequest($requestId: ID!) {\n    eraseForDataSubjectRequest(requestId: $requestId) {\n      id\n      holders {\n        holder\n        deleted\n        deidentified\n        keptAsReference\n        reason\n      }\n    }\n  }\n": typeof types.EraseForDataSubjectRequestDocument,
    "\n  mutation RestrictForDataSubjectRequest($requestId: ID!) {\n    restrictForDataSubjectRequest(requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.RestrictForDataSubjectRequestDocument,
    "\n  mutation UpholdDataSubjectObjection($input: UpholdDataSubjectObjectionInput!) {\n    upholdDataSubjectObjection(input: $input) {\n      id\n    }\n  }\n": typeof types.UpholdDataSubjectObjectionDocument,
    "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": typeof types.CloseDataSubjectRequestDocument,
    "\n  mutation LiftProcessingRestriction($requestId: ID!) {\n    liftProcessingRestriction(requestId: $requestId) {\n      id\n    }\n  }\n": typeof types.LiftProcessingRestrictionDocument,
    "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n": typeof types.DataSubjectRequestQueueDocument,
    "\n  query RetentionSchedule {\n    retentionSchedule {\n      rule\n      basis\n      unit\n      defaultPeriod\n      legalMinimum\n      legalMaximum\n      period\n      updatedAt\n    }\n  }\n": typeof types.RetentionScheduleDocument,
    "\n  mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {\n    setRetentionPeriod(input: $input) {\n      rule\n      period\n      unit\n    }\n  }\n": typeof types.SetRetentionPeriodDocument,
    "\n  mutation RunRetentionSweep {\n    runRetentionSweep {\n      holder\n      deleted\n      deidentified\n      expired\n      held\n    }\n  }\n": typeof types.RunRetentionSweepDocument,
    "\n  query AnnouncedSubProcessorChanges($slug: String!) {\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n    }\n    lodgedSubProcessorObjections {\n      id\n      changeId\n      reason\n      objectedAt\n    }\n  }\n": typeof types.AnnouncedSubProcessorChangesDocument,
    "\n  mutation ObjectToSubProcessorChange($input: ObjectToSubProcessorChangeInput!) {\n    objectToSubProcessorChange(input: $input) {\n      id\n      objectedAt\n    }\n  }\n": typeof types.ObjectToSubProcessorChangeDocument,
    "\n  query TenantSubProcessors($slug: String!) {\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      transferSafeguard\n      effectiveFrom\n      effectiveUntil\n    }\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n      customersNotified\n    }\n    subProcessorObjections {\n      id\n      changeId\n      organisationId\n      reason\n      objectedAt\n    }\n  }\n": typeof types.TenantSubProcessorsDocument,
    "\n  query ObjectingCompany($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.ObjectingCompanyDocument,
    "\n  mutation AnnounceSubProcessorChange($input: AnnounceSubProcessorChangeInput!) {\n    announceSubProcessorChange(input: $input) {\n      id\n      customersNotified\n      objectionDeadline\n    }\n  }\n": typeof types.AnnounceSubProcessorChangeDocument,
    "\n  query TenantSupportGrants {\n    supportGrants {\n      id\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n": typeof types.TenantSupportGrantsDocument,
    "\n  mutation ApproveSupportAccess($grantId: ID!) {\n    approveSupportAccess(grantId: $grantId) {\n      id\n      status\n      endsAt\n    }\n  }\n": typeof types.ApproveSupportAccessDocument,
    "\n  mutation RefuseSupportAccess($grantId: ID!, $reason: String) {\n    refuseSupportAccess(grantId: $grantId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RefuseSupportAccessDocument,
    "\n  mutation EndSupportAccess($grantId: ID!) {\n    endSupportAccess(grantId: $grantId) {\n      id\n      status\n      endedAt\n    }\n  }\n": typeof types.EndSupportAccessDocument,
    "\n  query ProjectCertificates {\n    projectCertificates {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdAt\n      issuedAt\n      parties {\n        role\n        organisationName\n        contactReplacementRequired\n      }\n    }\n  }\n": typeof types.ProjectCertificatesDocument,
    "\n  query ProjectCertificateDetails($projectId: ID!) {\n    projectCertificate(projectId: $projectId) {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdByOrganisationId\n      createdAt\n      issuedAt\n      withdrawnAt\n      withdrawalReason\n      parties {\n        role\n        organisationId\n        organisationName\n        contactKind\n        contactUserId\n        contactName\n        contactEmail\n        contactPhone\n        contactPosition\n        contactReplacementRequired\n      }\n      distributions {\n        id\n        target\n        distributedBy\n        distributedAt\n      }\n    }\n  }\n": typeof types.ProjectCertificateDetailsDocument,
    "\n  query ProjectPartyCandidate($vatNumber: String!) {\n    projectPartyCandidate(vatNumber: $vatNumber) {\n      organisationId\n      name\n      city\n    }\n  }\n": typeof types.ProjectPartyCandidateDocument,
    "\n  mutation CreateProjectCertificate($input: CreateProjectCertificateInput!) {\n    createProjectCertificate(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProjectCertificateDocument,
    "\n  mutation IssueProjectCertificate($projectId: ID!) {\n    issueProjectCertificate(projectId: $projectId) {\n      id\n      state\n      issuedAt\n    }\n  }\n": typeof types.IssueProjectCertificateDocument,
    "\n  mutation DistributeProjectCertificate($projectId: ID!, $target: String!) {\n    distributeProjectCertificate(projectId: $projectId, target: $target) {\n      id\n      target\n      distributedAt\n    }\n  }\n": typeof types.DistributeProjectCertificateDocument,
    "\n  mutation WithdrawProjectCertificate($projectId: ID!, $reason: String!) {\n    withdrawProjectCertificate(projectId: $projectId, reason: $reason) {\n      id\n      state\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n": typeof types.WithdrawProjectCertificateDocument,
    "\n  mutation DeleteProjectCertificateDraft($projectId: ID!) {\n    deleteProjectCertificateDraft(projectId: $projectId)\n  }\n": typeof types.DeleteProjectCertificateDraftDocument,
    "\n  mutation NameProjectContact($projectId: ID!, $role: ProjectPartyRole!, $userId: ID!) {\n    nameProjectContact(projectId: $projectId, role: $role, userId: $userId) {\n      id\n    }\n  }\n": typeof types.NameProjectContactDocument,
    "\n  query ProjectColleagues {\n    managedUsers {\n      id\n      firstName\n      lastName\n      status\n    }\n  }\n": typeof types.ProjectColleaguesDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input)\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ConfirmEmail($token: String!) {\n    confirmEmail(token: $token)\n  }\n": typeof types.ConfirmEmailDocument,
    "\n  query ProposeChamber($postalCode: String!) {\n    proposeChamber(postalCode: $postalCode) {\n      slug\n      name\n      city\n    }\n  }\n": typeof types.ProposeChamberDocument,
    "\n  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      tenant {\n        slug\n        name\n      }\n    }\n  }\n": typeof types.RegisterOrganisationDocument,
    "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n": typeof types.AuditEntriesDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ...ChainStatusFields\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query LogCheckpoints($first: Int!) {\n    logCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n": typeof types.LogCheckpointsDocument,
    "\n  query StaffCompanies($nameContains: String, $first: Int) {\n    organisations(nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n": typeof types.StaffCompaniesDocument,
    "\n  query InvoicingLines($month: String!, $organisationId: ID) {\n    certificateBillableLines(month: $month, organisationId: $organisationId) {\n      id\n      organisationId\n      organisationName\n      organisationVatNumber\n      certificateNumber\n      kind\n      copyNumber\n      member\n      amountCents\n      currency\n      occurredAt\n    }\n  }\n": typeof types.InvoicingLinesDocument,
    "\n  query CertificateSettingsOfTenant {\n    certificateSettings {\n      numberPrefix\n      memberFeeCents\n      nonMemberFeeCents\n      copyMemberFeeCents\n      copyNonMemberFeeCents\n      currency\n    }\n  }\n": typeof types.CertificateSettingsOfTenantDocument,
    "\n  mutation SaveCertificateSettings($input: CertificateSettingsInput!) {\n    setCertificateSettings(input: $input) {\n      numberPrefix\n    }\n  }\n": typeof types.SaveCertificateSettingsDocument,
    "\n  query DatasheetSettingsOfTenant {\n    datasheetSettings {\n      contactReplacementDays\n    }\n  }\n": typeof types.DatasheetSettingsOfTenantDocument,
    "\n  mutation SaveDatasheetSettings($days: Int!) {\n    setDatasheetSettings(contactReplacementDays: $days) {\n      contactReplacementDays\n    }\n  }\n": typeof types.SaveDatasheetSettingsDocument,
    "\n  query PrivacySettingsOfTenant {\n    privacySettings {\n      requestDeadlineRule\n    }\n  }\n": typeof types.PrivacySettingsOfTenantDocument,
    "\n  mutation SaveRequestDeadlineRule($rule: RequestDeadlineRule!) {\n    setRequestDeadlineRule(rule: $rule) {\n      requestDeadlineRule\n    }\n  }\n": typeof types.SaveRequestDeadlineRuleDocument,
    "\n  query SigningKeysOfChamber($slug: String!) {\n    certificateSigningKeys(tenantSlug: $slug) {\n      kid\n      createdAt\n      retiredAt\n    }\n  }\n": typeof types.SigningKeysOfChamberDocument,
    "\n  mutation RotateSigningKey {\n    rotateCertificateSigningKey {\n      kid\n    }\n  }\n": typeof types.RotateSigningKeyDocument,
    "\n  query StaffSecondFactorRequirementOfTenant {\n    staffSecondFactorRequirement {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n": typeof types.StaffSecondFactorRequirementOfTenantDocument,
    "\n  mutation SetStaffSecondFactorRequirement($required: Boolean!) {\n    setStaffSecondFactorRequirement(required: $required) {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n": typeof types.SetStaffSecondFactorRequirementDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    subjectType\n    subjectId\n    details {\n      key\n      value\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  fragment ChainStatusFields on AuditChainStatus {\n    valid\n    entries\n    firstBrokenSequence\n    reason\n    checkpointSequence\n  }\n": typeof types.ChainStatusFieldsFragmentDoc,
    "\n  fragment LogCheckpointFields on LogCheckpoint {\n    id\n    chain\n    sequence\n    checkpointedAt\n    keyId\n    document\n  }\n": typeof types.LogCheckpointFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  mutation UpdateMyLanguage($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      preferredLanguage\n    }\n  }\n": types.UpdateMyLanguageDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      firstName\n      lastName\n      preferredLanguage\n      roles\n      status\n      totpEnrolledAt\n      organisationId\n    }\n  }\n": types.MeDocument,
    "\n  query SessionTenant($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      kinds\n    }\n  }\n": types.SessionTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!, $tenant: String) {\n    requestPasswordReset(email: $email, tenant: $tenant)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": types.LoginDocument,
    "\n  query MyPersonalDataAccesses($first: Int!, $before: ID) {\n    myPersonalDataAccesses(first: $first, before: $before) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n    }\n  }\n": types.MyPersonalDataAccessesDocument,
    "\n  query MyPersonalDataExport($portability: Boolean!) {\n    myPersonalDataExport(portability: $portability)\n  }\n": types.MyPersonalDataExportDocument,
    "\n  query MyDataSubjectRequests {\n    myDataSubjectRequests {\n      id\n      type\n      status\n      receivedAt\n      dueOn\n      completedAt\n      outcome\n      answerKind\n    }\n  }\n": types.MyDataSubjectRequestsDocument,
    "\n  mutation RequestMyDataSubjectRight($input: MyDataSubjectRequestInput!) {\n    requestMyDataSubjectRight(input: $input) {\n      id\n      dueOn\n    }\n  }\n": types.RequestMyDataSubjectRightDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, refreshTokenIn: COOKIE) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n": types.ChangeMyPasswordDocument,
    "\n  query ProcessingStatistics($userId: ID) {\n    certificateProcessingStatistics(userId: $userId) {\n      userId\n      month\n      reviewed\n      signed\n    }\n  }\n": types.ProcessingStatisticsDocument,
    "\n  query ProcessingStatisticsStaffMember {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n": types.ProcessingStatisticsStaffMemberDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n      roles\n      status\n      lastLoginAt\n      totpEnrolledAt\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateUserProfileInput!) {\n    updateUserProfile(input: $input) {\n      id\n      firstName\n      lastName\n      phone\n      jobTitle\n      preferredLanguage\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  query MyRecoveryCodes {\n    myRecoveryCodes {\n      remaining\n      generatedAt\n    }\n  }\n": types.MyRecoveryCodesDocument,
    "\n  mutation RegenerateRecoveryCodes($totpCode: String!) {\n    regenerateRecoveryCodes(totpCode: $totpCode) {\n      codes\n      generatedAt\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment\n  }\n": types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolmentWithRecoveryCodes($code: String!) {\n    confirmTotpEnrolmentWithRecoveryCodes(code: $code) {\n      codes\n      generatedAt\n    }\n  }\n": types.ConfirmTotpEnrolmentWithRecoveryCodesDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndMySession($sessionId: ID!) {\n    endMySession(sessionId: $sessionId) {\n      id\n      revokedAt\n    }\n  }\n": types.EndMySessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  query MySignature {\n    me {\n      id\n      signatureImage\n    }\n  }\n": types.MySignatureDocument,
    "\n  mutation SetMySignatureImage($image: String!) {\n    setMySignatureImage(image: $image) {\n      id\n    }\n  }\n": types.SetMySignatureImageDocument,
    "\n  mutation StepUp($code: String, $password: String) {\n    stepUp(code: $code, password: $password)\n  }\n": types.StepUpDocument,
    "\n  query VerifyCertificate($number: String!, $code: String!) {\n    verifyCertificate(number: $number, code: $code) {\n      authentic\n      number\n      status\n      revocationReason\n      supersededByNumber\n      issuingChamber\n      issuedAt\n      countryOfOrigin\n      goodsHash\n      keyId\n      recordDestroyedAt\n      goods {\n        description\n        hsCode\n        quantity\n        unit\n        grossWeightKg\n        netWeightKg\n        packages\n        marksAndNumbers\n      }\n    }\n  }\n": types.VerifyCertificateDocument,
    "\n  fragment ApplicationFields on CertificateApplication {\n    id\n    state\n    language\n    exporterName\n    exporterAddress\n    exporterCountry\n    consigneeName\n    consigneeAddress\n    consigneeCountry\n    countryOfOrigin\n    transportDetails\n    goods {\n      description\n      hsCode\n      quantity\n      unit\n      grossWeightKg\n      netWeightKg\n      marksAndNumbers\n      packages\n    }\n    invoiceReferences\n    remarks\n    declarationAccepted\n    supportingDocuments {\n      id\n      fileName\n      mediaType\n      sizeBytes\n      createdAt\n    }\n    claimedBy\n    reviewComment\n    companyReply\n    companyRepliedAt\n    rejectionReason\n    replacesCertificateId\n    startedFromApplicationId\n    certificateId\n    createdAt\n    updatedAt\n    submittedAt\n    destroyedAt\n  }\n": types.ApplicationFieldsFragmentDoc,
    "\n  fragment CertificateFields on CertificateOfOrigin {\n    id\n    applicationId\n    number\n    status\n    language\n    countryOfOrigin\n    issuedAt\n    revokedAt\n    revocationReason\n    supersededByNumber\n    verificationCode\n    pdfReady\n    destroyedAt\n    copies {\n      id\n      copyNumber\n      createdAt\n      pdfReady\n    }\n  }\n": types.CertificateFieldsFragmentDoc,
    "\n  query CertificateApplications($state: String, $first: Int!, $after: ID, $organisationId: ID) {\n    certificateApplications(state: $state, first: $first, after: $after, organisationId: $organisationId) {\n      id\n      state\n      exporterName\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      createdAt\n      submittedAt\n      updatedAt\n      claimedBy\n      certificateId\n      destroyedAt\n      goods {\n        hsCode\n      }\n    }\n  }\n": types.CertificateApplicationsDocument,
    "\n  query CertificateByNumber($number: String!) {\n    certificatesOfOrigin(number: $number, first: 1) {\n      id\n      applicationId\n      number\n    }\n  }\n": types.CertificateByNumberDocument,
    "\n  query CertificateApplication($applicationId: ID!) {\n    certificateApplication(applicationId: $applicationId) {\n      ...ApplicationFields\n    }\n  }\n": types.CertificateApplicationDocument,
    "\n  query CertificateOfOrigin($certificateId: ID!) {\n    certificateOfOrigin(certificateId: $certificateId) {\n      ...CertificateFields\n    }\n  }\n": types.CertificateOfOriginDocument,
    "\n  query SavedConsignees {\n    savedConsignees {\n      id\n      name\n      address\n      country\n    }\n  }\n": types.SavedConsigneesDocument,
    "\n  mutation SaveConsignee($input: ConsigneeInput!) {\n    saveConsignee(input: $input) {\n      id\n    }\n  }\n": types.SaveConsigneeDocument,
    "\n  mutation RemoveSavedConsignee($consigneeId: ID!) {\n    removeSavedConsignee(consigneeId: $consigneeId)\n  }\n": types.RemoveSavedConsigneeDocument,
    "\n  mutation RemoveSupportingDocument($applicationId: ID!, $documentId: ID!) {\n    removeSupportingDocument(applicationId: $applicationId, documentId: $documentId) {\n      id\n    }\n  }\n": types.RemoveSupportingDocumentDocument,
    "\n  mutation DeleteCertificateApplicationDraft($applicationId: ID!) {\n    deleteCertificateApplicationDraft(applicationId: $applicationId)\n  }\n": types.DeleteCertificateApplicationDraftDocument,
    "\n  mutation WithdrawCertificateApplication($applicationId: ID!) {\n    withdrawCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": types.WithdrawCertificateApplicationDocument,
    "\n  mutation CreateCertificateApplication($input: CreateCertificateApplicationInput!) {\n    createCertificateApplication(input: $input) {\n      id\n    }\n  }\n": types.CreateCertificateApplicationDocument,
    "\n  mutation UpdateCertificateApplication($input: UpdateCertificateApplicationInput!) {\n    updateCertificateApplication(input: $input) {\n      ...ApplicationFields\n    }\n  }\n": types.UpdateCertificateApplicationDocument,
    "\n  mutation SubmitCertificateApplication($applicationId: ID!, $reply: String) {\n    submitCertificateApplication(applicationId: $applicationId, reply: $reply) {\n      id\n      state\n    }\n  }\n": types.SubmitCertificateApplicationDocument,
    "\n  mutation ReplaceCertificate($certificateId: ID!) {\n    replaceCertificate(certificateId: $certificateId) {\n      id\n    }\n  }\n": types.ReplaceCertificateDocument,
    "\n  mutation RequestCertificateCopy($certificateId: ID!) {\n    requestCertificateCopy(certificateId: $certificateId) {\n      id\n      copyNumber\n    }\n  }\n": types.RequestCertificateCopyDocument,
    "\n  mutation ClaimCertificateApplication($applicationId: ID!) {\n    claimCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": types.ClaimCertificateApplicationDocument,
    "\n  mutation ReleaseCertificateApplication($applicationId: ID!) {\n    releaseCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": types.ReleaseCertificateApplicationDocument,
    "\n  mutation RequestCertificateApplicationChanges($applicationId: ID!, $comment: String!) {\n    requestCertificateApplicationChanges(applicationId: $applicationId, comment: $comment) {\n      id\n      state\n    }\n  }\n": types.RequestCertificateApplicationChangesDocument,
    "\n  mutation RejectCertificateApplication($applicationId: ID!, $reason: String!) {\n    rejectCertificateApplication(applicationId: $applicationId, reason: $reason) {\n      id\n      state\n    }\n  }\n": types.RejectCertificateApplicationDocument,
    "\n  mutation ApproveCertificateApplication($applicationId: ID!) {\n    approveCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n": types.ApproveCertificateApplicationDocument,
    "\n  mutation SignCertificate($applicationId: ID!, $idempotencyKey: String!) {\n    signCertificate(applicationId: $applicationId, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n": types.SignCertificateDocument,
    "\n  mutation RevokeCertificate($certificateId: ID!, $reason: String!) {\n    revokeCertificate(certificateId: $certificateId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RevokeCertificateDocument,
    "\n  mutation RemoveDatasheetAttachment($attachmentId: ID!) {\n    removeDatasheetAttachment(attachmentId: $attachmentId) {\n      id\n    }\n  }\n": types.RemoveDatasheetAttachmentDocument,
    "\n  mutation CreateCertifiedProduct($input: CreateCertifiedProductInput!) {\n    createCertifiedProduct(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateCertifiedProductDocument,
    "\n  mutation ChangeCertifiedProductStatus($id: ID!, $status: CertifiedProductStatus!) {\n    changeCertifiedProductStatus(id: $id, status: $status) {\n      id\n      status\n      statusChangedAt\n    }\n  }\n": types.ChangeCertifiedProductStatusDocument,
    "\n  mutation SetProductFamilySchema($input: SetProductFamilySchemaInput!) {\n    setProductFamilySchema(input: $input) {\n      id\n      family\n      version\n    }\n  }\n": types.SetProductFamilySchemaDocument,
    "\n  mutation ObjectToContactDisclosure {\n    objectToContactDisclosure {\n      withdrawnRoles\n      datasheetsAffected\n      replacementDeadline\n    }\n  }\n": types.ObjectToContactDisclosureDocument,
    "\n  mutation CreateDatasheet($input: CreateDatasheetInput!) {\n    createDatasheet(input: $input) {\n      id\n      datasheetId\n      state\n    }\n  }\n": types.CreateDatasheetDocument,
    "\n  mutation UpdateDatasheetDraft($input: UpdateDatasheetDraftInput!) {\n    updateDatasheetDraft(input: $input) {\n      id\n      state\n      updatedAt\n    }\n  }\n": types.UpdateDatasheetDraftDocument,
    "\n  mutation SubmitDatasheetVersion($versionId: ID!) {\n    submitDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      submittedAt\n    }\n  }\n": types.SubmitDatasheetVersionDocument,
    "\n  mutation StartDatasheetVersion($datasheetId: ID!) {\n    startDatasheetVersion(datasheetId: $datasheetId) {\n      id\n      state\n    }\n  }\n": types.StartDatasheetVersionDocument,
    "\n  query ContactCandidates {\n    datasheetContactCandidates {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n": types.ContactCandidatesDocument,
    "\n  mutation NameDatasheetContact($datasheetId: ID!, $userId: ID!) {\n    nameDatasheetContact(datasheetId: $datasheetId, userId: $userId) {\n      id\n      contactUserId\n      contactReplacementRequired\n    }\n  }\n": types.NameDatasheetContactDocument,
    "\n  mutation ApproveDatasheetVersion($versionId: ID!) {\n    approveDatasheetVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n": types.ApproveDatasheetVersionDocument,
    "\n  mutation RequestDatasheetChanges($versionId: ID!, $comment: String!) {\n    requestDatasheetChanges(versionId: $versionId, comment: $comment) {\n      id\n      state\n    }\n  }\n": types.RequestDatasheetChangesDocument,
    "\n  mutation PublishDatasheetVersion($versionId: ID!) {\n    publishDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      publishedAt\n    }\n  }\n": types.PublishDatasheetVersionDocument,
    "\n  mutation UnpublishDatasheet($datasheetId: ID!) {\n    unpublishDatasheet(datasheetId: $datasheetId) {\n      id\n    }\n  }\n": types.UnpublishDatasheetDocument,
    "\n  query ContactDisclosureNotice($language: String!) {\n    contactDisclosureNotice(language: $language) {\n      version\n      language\n      text\n    }\n  }\n": types.ContactDisclosureNoticeDocument,
    "\n  mutation AcknowledgeContactDisclosureNotice($version: String!) {\n    acknowledgeContactDisclosureNotice(version: $version) {\n      acknowledgedAt\n      noticeVersion\n    }\n  }\n": types.AcknowledgeContactDisclosureNoticeDocument,
    "\n  query PublishedDatasheet($code: String, $id: ID) {\n    publishedDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      publishedAt\n      productName\n      productFamily\n      productionUnit\n      scheme\n      certificateReference\n      holderName\n      characteristics\n      texts {\n        language\n        title\n        description\n      }\n      contactKind\n      contactName\n      contactPosition\n      contactEmail\n      contactPhone\n      contactReplacementRequired\n      attachments {\n        id\n        title\n        language\n        fileName\n        mediaType\n        sizeBytes\n      }\n    }\n  }\n": types.PublishedDatasheetDocument,
    "\n  query PublishedDatasheetHistory($code: String!) {\n    publishedDatasheetHistory(code: $code) {\n      versionId\n      versionNumber\n      publishedAt\n      supersededAt\n      withdrawnAt\n      characteristics\n    }\n  }\n": types.PublishedDatasheetHistoryDocument,
    "\n  query PublishedFamilySchema($tenant: String!, $family: String!) {\n    publishedProductFamilySchema(tenant: $tenant, family: $family) {\n      jsonSchema\n    }\n  }\n": types.PublishedFamilySchemaDocument,
    "\n  query WithdrawnDatasheet($code: String, $id: ID) {\n    withdrawnDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      productName\n      productFamily\n      certificateReference\n      scheme\n      holderName\n      publishedAt\n      withdrawnAt\n      reason\n    }\n  }\n": types.WithdrawnDatasheetDocument,
    "\n  query SearchPublishedDatasheets(\n    $tenant: String\n    $productFamily: String\n    $productName: String\n    $holderName: String\n    $certificateReference: String\n    $first: Int\n    $after: String\n  ) {\n    searchPublishedDatasheets(\n      tenant: $tenant\n      productFamily: $productFamily\n      productName: $productName\n      holderName: $holderName\n      certificateReference: $certificateReference\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        productFamily\n        holderName\n        scheme\n        certificateReference\n        publishedAt\n        versionNumber\n      }\n      nextCursor\n    }\n  }\n": types.SearchPublishedDatasheetsDocument,
    "\n  query PublishedFamilySchemas {\n    publishedProductFamilySchemas {\n      tenantId\n      family\n      jsonSchema\n    }\n  }\n": types.PublishedFamilySchemasDocument,
    "\n  query WithdrawnDatasheets($tenant: String, $first: Int, $after: String) {\n    withdrawnDatasheets(tenant: $tenant, first: $first, after: $after) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        holderName\n        scheme\n        certificateReference\n        withdrawnAt\n        reason\n      }\n      nextCursor\n    }\n  }\n": types.WithdrawnDatasheetsDocument,
    "\n  query CertifiedProducts($first: Int, $after: ID, $search: String, $ids: [ID!]) {\n    certifiedProducts(first: $first, after: $after, search: $search, ids: $ids) {\n      id\n      organisationId\n      name\n      productFamily\n      certificateReference\n      scheme\n      productionUnit\n      status\n      statusChangedAt\n      createdAt\n    }\n  }\n": types.CertifiedProductsDocument,
    "\n  query Companies($ids: [ID!], $nameContains: String, $first: Int) {\n    organisations(ids: $ids, nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n": types.CompaniesDocument,
    "\n  query Datasheets($first: Int, $after: ID, $state: DatasheetState, $certifiedProductIds: [ID!], $contactReplacementRequired: Boolean) {\n    datasheets(first: $first, after: $after, state: $state, certifiedProductIds: $certifiedProductIds, contactReplacementRequired: $contactReplacementRequired) {\n      id\n      certifiedProductId\n      organisationId\n      publicCode\n      contactUserId\n      contactReplacementRequired\n      contactReplacementDeadline\n      contactSuspended\n      createdAt\n    }\n  }\n": types.DatasheetsDocument,
    "\n  query ProductFamilySchemas {\n    productFamilySchemas {\n      id\n      family\n      version\n      jsonSchema\n      updatedAt\n    }\n  }\n": types.ProductFamilySchemasDocument,
    "\n  fragment DatasheetVersionFields on DatasheetVersion {\n    id\n    datasheetId\n    number\n    state\n    characteristics\n    texts {\n      language\n      title\n      description\n    }\n    attachments {\n      id\n      title\n      language\n      fileName\n      mediaType\n      sizeBytes\n      sha256\n    }\n    completedBy\n    reviewComment\n    createdAt\n    updatedAt\n    submittedAt\n    approvedAt\n    publishedAt\n    supersededAt\n    unpublishedAt\n  }\n": types.DatasheetVersionFieldsFragmentDoc,
    "\n  query DatasheetVersions($datasheetId: ID!) {\n    datasheetVersions(datasheetId: $datasheetId) {\n      ...DatasheetVersionFields\n    }\n  }\n": types.DatasheetVersionsDocument,
    "\n  query DatasheetVersionsOf($datasheetIds: [ID!]!) {\n    datasheetVersionsOf(datasheetIds: $datasheetIds) {\n      ...DatasheetVersionFields\n    }\n  }\n": types.DatasheetVersionsOfDocument,
    "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n": types.TenantDirectoryDocument,
    "\n  query TenantDepartureList {\n    tenantOffboardings {\n      id\n      tenantId\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n": types.TenantDepartureListDocument,
    "\n  mutation WithdrawTenantDeparture($offboardingId: ID!, $reason: String!) {\n    withdrawTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      tenantId\n      status\n      withdrawnAt\n    }\n  }\n": types.WithdrawTenantDepartureDocument,
    "\n  mutation FileTenantDeparture($tenantId: ID!) {\n    requestTenantOffboarding(tenantId: $tenantId) {\n      id\n      tenantId\n      status\n    }\n  }\n": types.FileTenantDepartureDocument,
    "\n  mutation DestroyDepartedTenant($offboardingId: ID!) {\n    destroyTenant(offboardingId: $offboardingId) {\n      id\n      tenantName\n      totalRowsDeleted\n    }\n  }\n": types.DestroyDepartedTenantDocument,
    "\n  query DestructionCertificates {\n    tenantDestructionCertificates {\n      id\n      departedTenantId\n      tenantSlug\n      tenantName\n      requestedAt\n      confirmedAt\n      exportedAt\n      exportedRecords\n      destroyedAt\n      exportHash\n      certificateHash\n      rowsDeleted {\n        table\n        rows\n      }\n      totalRowsDeleted\n      signingKeyId\n      signature\n      signedContent\n      intact\n    }\n  }\n": types.DestructionCertificatesDocument,
    "\n  query OwnTenantOffboarding {\n    tenantOffboardings {\n      id\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      exportHash\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n": types.OwnTenantOffboardingDocument,
    "\n  mutation DeclineOwnTenantOffboarding($offboardingId: ID!, $reason: String!) {\n    declineTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n": types.DeclineOwnTenantOffboardingDocument,
    "\n  mutation ConfirmOwnTenantOffboarding($offboardingId: ID!) {\n    confirmTenantOffboarding(offboardingId: $offboardingId) {\n      id\n      status\n      confirmedAt\n      destroyNotBefore\n    }\n  }\n": types.ConfirmOwnTenantOffboardingDocument,
    "\n  mutation ExportOwnTenantArchive($offboardingId: ID!) {\n    exportTenantArchive(offboardingId: $offboardingId) {\n      offboardingId\n      records\n      withheld\n      sha256\n      json\n    }\n  }\n": types.ExportOwnTenantArchiveDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query CompanyForAdmin($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      iban\n      loginMethod\n      isMember\n    }\n  }\n": types.CompanyForAdminDocument,
    "\n  query CompanyForMember($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      legalForm\n      vatNumber\n      companyNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n    }\n  }\n": types.CompanyForMemberDocument,
    "\n  mutation UpdateCompany($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      id\n    }\n  }\n": types.UpdateCompanyDocument,
    "\n  query CompanyToReset($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      phone\n      loginMethod\n    }\n  }\n": types.CompanyToResetDocument,
    "\n  mutation ResetCompanyAdministratorSecondFactor($input: ResetCompanyAdministratorSecondFactorInput!) {\n    resetCompanyAdministratorSecondFactor(input: $input) {\n      organisationId\n      administratorId\n      resetAt\n    }\n  }\n": types.ResetCompanyAdministratorSecondFactorDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n      jobTitle\n      status\n      totpEnrolledAt\n      roles\n    }\n  }\n": types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ChangeUserRoles($input: ChangeUserRolesInput!) {\n    changeUserRoles(input: $input) {\n      id\n      roles\n    }\n  }\n": types.ChangeUserRolesDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation AppointCompanyAdministrator($input: AppointCompanyAdministratorInput!) {\n    appointCompanyAdministrator(input: $input) {\n      id\n      email\n    }\n  }\n": types.AppointCompanyAdministratorDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId) {\n      id\n      totpEnrolledAt\n    }\n  }\n": types.ResetSecondFactorDocument,
    "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      createdAt\n      secretRotatedAt\n    }\n    webhookEventTypes\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $deadLettersOnly: Boolean) {\n    webhookDeliveries(webhookId: $webhookId, deadLettersOnly: $deadLettersOnly) {\n      id\n      eventType\n      occurredAt\n      attempts\n      lastStatus\n      lastError\n      nextAttemptAt\n      deliveredAt\n      deadLetteredAt\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.RegisterWebhookDocument,
    "\n  mutation RotateWebhookSecret($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhook($webhookId: ID!) {\n    deleteWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      attempts\n      nextAttemptAt\n      deadLetteredAt\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n        name\n      }\n      invitationSentTo\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation InviteTenantAdministrator($input: InviteTenantAdministratorInput!) {\n    inviteTenantAdministrator(input: $input) {\n      tenant {\n        name\n      }\n      invitationSentTo\n      earlierInvitationsRevoked\n    }\n  }\n": types.InviteTenantAdministratorDocument,
    "\n  query PlatformAuditEntries($first: Int!, $afterSequence: Int) {\n    platformAuditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n": types.PlatformAuditEntriesDocument,
    "\n  query VerifyPlatformAuditChain {\n    verifyPlatformAuditChain {\n      ...ChainStatusFields\n    }\n  }\n": types.VerifyPlatformAuditChainDocument,
    "\n  query PlatformLogCheckpoints($first: Int!) {\n    platformLogCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n": types.PlatformLogCheckpointsDocument,
    "\n  mutation ResetTenantAdministratorSecondFactor($input: ResetTenantAdministratorSecondFactorInput!) {\n    resetTenantAdministratorSecondFactor(input: $input) {\n      administratorId\n      resetAt\n      tenant {\n        name\n      }\n    }\n  }\n": types.ResetTenantAdministratorSecondFactorDocument,
    "\n  query OwnSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      endsAt\n      endedAt\n    }\n  }\n": types.OwnSupportGrantsDocument,
    "\n  query UnderSupportGrant($grantId: ID!) {\n    supportAccounts(grantId: $grantId) {\n      id\n      organisationId\n      email\n      roles\n      createdAt\n    }\n    supportOrganisations(grantId: $grantId) {\n      id\n      name\n      companyNumber\n      vatNumber\n      street\n      postalCode\n      city\n      country\n      email\n      phone\n    }\n    supportCertificateApplications(grantId: $grantId, first: 50) {\n      id\n      organisationId\n      state\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      submittedAt\n      updatedAt\n    }\n    supportDatasheets(grantId: $grantId) {\n      id\n      organisationId\n      publicCode\n      latestVersion\n      latestState\n      createdAt\n    }\n  }\n": types.UnderSupportGrantDocument,
    "\n  query OperatorSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n": types.OperatorSupportGrantsDocument,
    "\n  mutation RequestSupportAccess($input: RequestSupportAccessInput!) {\n    requestSupportAccess(input: $input) {\n      id\n      tenantId\n      status\n    }\n  }\n": types.RequestSupportAccessDocument,
    "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n": types.PersonalDataAccessesDocument,
    "\n  query VerifyPersonalDataAccessChain {\n    verifyPersonalDataAccessChain {\n      valid\n      entries\n      firstBrokenSequence\n      reason\n      checkpointSequence\n      prunedEntries\n    }\n  }\n": types.VerifyPersonalDataAccessChainDocument,
    "\n  query Breaches {\n    breaches {\n      id\n      reference\n      becameAwareAt\n      occurredAt\n      authorityDeadline\n      authorityNotifiedAt\n      notifiable\n      notNotifiableReason\n      highRisk\n      affectedPeople\n      subjectsNotified\n      subjectsNotifiedAt\n      nature\n      dataCategories\n      notificationDraft\n    }\n  }\n": types.BreachesDocument,
    "\n  mutation RegisterBreach($input: RegisterBreachInput!) {\n    registerBreach(input: $input) {\n      id\n      reference\n    }\n  }\n": types.RegisterBreachDocument,
    "\n  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {\n    recordBreachAuthorityNotification(input: $input) {\n      id\n    }\n  }\n": types.RecordBreachAuthorityNotificationDocument,
    "\n  mutation NotifyBreachSubjects($breachId: ID!) {\n    notifyBreachSubjects(breachId: $breachId) {\n      id\n    }\n  }\n": types.NotifyBreachSubjectsDocument,
    "\n  mutation ConfirmDataSubjectRequest($token: String!) {\n    confirmDataSubjectRequest(token: $token)\n  }\n": types.ConfirmDataSubjectRequestDocument,
    "\n  query LegalHolds {\n    legalHolds {\n      id\n      record\n      reason\n      placedAt\n    }\n  }\n": types.LegalHoldsDocument,
    "\n  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {\n    placeLegalHold(input: $input)\n  }\n": types.PlaceLegalHoldDocument,
    "\n  mutation ReleaseLegalHold($holdId: ID!) {\n    releaseLegalHold(holdId: $holdId)\n  }\n": types.ReleaseLegalHoldDocument,
    "\n  query MyPolicyNotice($slug: String!) {\n    myPrivacyPolicyNotice {\n      versionId\n      answer\n      objectionDeadline\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      publishedAt\n    }\n  }\n": types.MyPolicyNoticeDocument,
    "\n  mutation AcceptPolicy($versionId: ID!) {\n    acceptPrivacyPolicy(versionId: $versionId) {\n      versionId\n      answer\n    }\n  }\n": types.AcceptPolicyDocument,
    "\n  mutation ObjectToPolicy($input: ObjectToPrivacyPolicyInput!) {\n    objectToPrivacyPolicy(input: $input) {\n      versionId\n      answer\n    }\n  }\n": types.ObjectToPolicyDocument,
    "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n": types.TenantPrivacyDocument,
    "\n  query TenantPolicyVersions($slug: String!) {\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n      objectionDeadline\n    }\n  }\n": types.TenantPolicyVersionsDocument,
    "\n  query PolicyResponses($versionId: ID!) {\n    privacyPolicyResponses(versionId: $versionId) {\n      userId\n      answer\n      reason\n      respondedAt\n    }\n  }\n": types.PolicyResponsesDocument,
    "\n  mutation PublishPolicy($input: PublishPrivacyPolicyInput!) {\n    publishPrivacyPolicy(input: $input) {\n      id\n      version\n      objectionDeadline\n    }\n  }\n": types.PublishPolicyDocument,
    "\n  query PolicyObjector($userId: ID!) {\n    user(id: $userId) {\n      firstName\n      lastName\n      email\n    }\n  }\n": types.PolicyObjectorDocument,
    "\n  query PrivacyUser($userId: ID!) {\n    user(id: $userId) {\n      id\n      firstName\n      lastName\n      email\n      jobTitle\n      organisationId\n      status\n      roles\n      lastLoginAt\n    }\n    sessionsOfUser(userId: $userId) {\n      id\n      createdAt\n      lastRefreshedAt\n      absoluteExpiresAt\n      revokedAt\n      revokedReason\n      ipAddress\n      userAgent\n    }\n  }\n": types.PrivacyUserDocument,
    "\n  query PrivacyTenants {\n    tenants {\n      slug\n      name\n    }\n  }\n": types.PrivacyTenantsDocument,
    "\n  mutation SubmitDataSubjectRequest($input: PublicDataSubjectRequestInput!) {\n    submitDataSubjectRequest(input: $input)\n  }\n": types.SubmitDataSubjectRequestDocument,
    "\n  query ProcessingActivities {\n    processingActivities {\n      id\n      name\n      purpose\n      legalBasis\n      dataSubjects\n      dataCategories\n      recipients\n      transfers\n      retention\n      securityMeasures\n      createdAt\n    }\n  }\n": types.ProcessingActivitiesDocument,
    "\n  mutation AddProcessingActivity($input: AddProcessingActivityInput!) {\n    addProcessingActivity(input: $input) {\n      id\n      name\n    }\n  }\n": types.AddProcessingActivityDocument,
    "\n  mutation RemoveProcessingActivity($id: ID!) {\n    removeProcessingActivity(id: $id) {\n      id\n      name\n    }\n  }\n": types.RemoveProcessingActivityDocument,
    "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n": types.ProcessingRegisterDocument,
    "\n  query PlatformProcessingRegister($format: RegisterFormat!) {\n    platformProcessingRegister(format: $format)\n  }\n": types.PlatformProcessingRegisterDocument,
    "\n  mutation CheckDataSubjectIdentity($requestId: ID!) {\n    checkDataSubjectIdentity(requestId: $requestId) {\n      id\n    }\n  }\n": types.CheckDataSubjectIdentityDocument,
    "\n  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {\n    extendDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": types.ExtendDataSubjectRequestDocument,
    "\n  mutation ExportForDataSubjectRequest($requestId: ID!) {\n    exportForDataSubjectRequest(requestId: $requestId) {\n      id\n      document\n    }\n  }\n": types.ExportForDataSubjectRequestDocument,
    "\n  mutation EraseForDataSubjectRequest($requestId: ID!) {\n    eraseForDataSubjectRequest(requestId: $requestId) {\n      id\n      holders {\n        holder\n        deleted\n        deidentified\n        keptAsReference\n        reason\n      }\n    }\n  }\n": types.EraseForDataSubjectRequestDocument,
    "\n  mutation RestrictForDataSubjectRequest($requestId: ID!) {\n    restrictForDataSubjectRequest(requestId: $requestId) {\n      id\n    }\n  }\n": types.RestrictForDataSubjectRequestDocument,
    "\n  mutation UpholdDataSubjectObjection($input: UpholdDataSubjectObjectionInput!) {\n    upholdDataSubjectObjection(input: $input) {\n      id\n    }\n  }\n": types.UpholdDataSubjectObjectionDocument,
    "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n": types.CloseDataSubjectRequestDocument,
    "\n  mutation LiftProcessingRestriction($requestId: ID!) {\n    liftProcessingRestriction(requestId: $requestId) {\n      id\n    }\n  }\n": types.LiftProcessingRestrictionDocument,
    "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n": types.DataSubjectRequestQueueDocument,
    "\n  query RetentionSchedule {\n    retentionSchedule {\n      rule\n      basis\n      unit\n      defaultPeriod\n      legalMinimum\n      legalMaximum\n      period\n      updatedAt\n    }\n  }\n": types.RetentionScheduleDocument,
    "\n  mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {\n    setRetentionPeriod(input: $input) {\n      rule\n      period\n      unit\n    }\n  }\n": types.SetRetentionPeriodDocument,
    "\n  mutation RunRetentionSweep {\n    runRetentionSweep {\n      holder\n      deleted\n      deidentified\n      expired\n      held\n    }\n  }\n": types.RunRetentionSweepDocument,
    "\n  query AnnouncedSubProcessorChanges($slug: String!) {\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n    }\n    lodgedSubProcessorObjections {\n      id\n      changeId\n      reason\n      objectedAt\n    }\n  }\n": types.AnnouncedSubProcessorChangesDocument,
    "\n  mutation ObjectToSubProcessorChange($input: ObjectToSubProcessorChangeInput!) {\n    objectToSubProcessorChange(input: $input) {\n      id\n      objectedAt\n    }\n  }\n": types.ObjectToSubProcessorChangeDocument,
    "\n  query TenantSubProcessors($slug: String!) {\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      transferSafeguard\n      effectiveFrom\n      effectiveUntil\n    }\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n      customersNotified\n    }\n    subProcessorObjections {\n      id\n      changeId\n      organisationId\n      reason\n      objectedAt\n    }\n  }\n": types.TenantSubProcessorsDocument,
    "\n  query ObjectingCompany($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": types.ObjectingCompanyDocument,
    "\n  mutation AnnounceSubProcessorChange($input: AnnounceSubProcessorChangeInput!) {\n    announceSubProcessorChange(input: $input) {\n      id\n      customersNotified\n      objectionDeadline\n    }\n  }\n": types.AnnounceSubProcessorChangeDocument,
    "\n  query TenantSupportGrants {\n    supportGrants {\n      id\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n": types.TenantSupportGrantsDocument,
    "\n  mutation ApproveSupportAccess($grantId: ID!) {\n    approveSupportAccess(grantId: $grantId) {\n      id\n      status\n      endsAt\n    }\n  }\n": types.ApproveSupportAccessDocument,
    "\n  mutation RefuseSupportAccess($grantId: ID!, $reason: String) {\n    refuseSupportAccess(grantId: $grantId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RefuseSupportAccessDocument,
    "\n  mutation EndSupportAccess($grantId: ID!) {\n    endSupportAccess(grantId: $grantId) {\n      id\n      status\n      endedAt\n    }\n  }\n": types.EndSupportAccessDocument,
    "\n  query ProjectCertificates {\n    projectCertificates {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdAt\n      issuedAt\n      parties {\n        role\n        organisationName\n        contactReplacementRequired\n      }\n    }\n  }\n": types.ProjectCertificatesDocument,
    "\n  query ProjectCertificateDetails($projectId: ID!) {\n    projectCertificate(projectId: $projectId) {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdByOrganisationId\n      createdAt\n      issuedAt\n      withdrawnAt\n      withdrawalReason\n      parties {\n        role\n        organisationId\n        organisationName\n        contactKind\n        contactUserId\n        contactName\n        contactEmail\n        contactPhone\n        contactPosition\n        contactReplacementRequired\n      }\n      distributions {\n        id\n        target\n        distributedBy\n        distributedAt\n      }\n    }\n  }\n": types.ProjectCertificateDetailsDocument,
    "\n  query ProjectPartyCandidate($vatNumber: String!) {\n    projectPartyCandidate(vatNumber: $vatNumber) {\n      organisationId\n      name\n      city\n    }\n  }\n": types.ProjectPartyCandidateDocument,
    "\n  mutation CreateProjectCertificate($input: CreateProjectCertificateInput!) {\n    createProjectCertificate(input: $input) {\n      id\n    }\n  }\n": types.CreateProjectCertificateDocument,
    "\n  mutation IssueProjectCertificate($projectId: ID!) {\n    issueProjectCertificate(projectId: $projectId) {\n      id\n      state\n      issuedAt\n    }\n  }\n": types.IssueProjectCertificateDocument,
    "\n  mutation DistributeProjectCertificate($projectId: ID!, $target: String!) {\n    distributeProjectCertificate(projectId: $projectId, target: $target) {\n      id\n      target\n      distributedAt\n    }\n  }\n": types.DistributeProjectCertificateDocument,
    "\n  mutation WithdrawProjectCertificate($projectId: ID!, $reason: String!) {\n    withdrawProjectCertificate(projectId: $projectId, reason: $reason) {\n      id\n      state\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n": types.WithdrawProjectCertificateDocument,
    "\n  mutation DeleteProjectCertificateDraft($projectId: ID!) {\n    deleteProjectCertificateDraft(projectId: $projectId)\n  }\n": types.DeleteProjectCertificateDraftDocument,
    "\n  mutation NameProjectContact($projectId: ID!, $role: ProjectPartyRole!, $userId: ID!) {\n    nameProjectContact(projectId: $projectId, role: $role, userId: $userId) {\n      id\n    }\n  }\n": types.NameProjectContactDocument,
    "\n  query ProjectColleagues {\n    managedUsers {\n      id\n      firstName\n      lastName\n      status\n    }\n  }\n": types.ProjectColleaguesDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input)\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ConfirmEmail($token: String!) {\n    confirmEmail(token: $token)\n  }\n": types.ConfirmEmailDocument,
    "\n  query ProposeChamber($postalCode: String!) {\n    proposeChamber(postalCode: $postalCode) {\n      slug\n      name\n      city\n    }\n  }\n": types.ProposeChamberDocument,
    "\n  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      tenant {\n        slug\n        name\n      }\n    }\n  }\n": types.RegisterOrganisationDocument,
    "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n": types.AuditEntriesDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ...ChainStatusFields\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query LogCheckpoints($first: Int!) {\n    logCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n": types.LogCheckpointsDocument,
    "\n  query StaffCompanies($nameContains: String, $first: Int) {\n    organisations(nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n": types.StaffCompaniesDocument,
    "\n  query InvoicingLines($month: String!, $organisationId: ID) {\n    certificateBillableLines(month: $month, organisationId: $organisationId) {\n      id\n      organisationId\n      organisationName\n      organisationVatNumber\n      certificateNumber\n      kind\n      copyNumber\n      member\n      amountCents\n      currency\n      occurredAt\n    }\n  }\n": types.InvoicingLinesDocument,
    "\n  query CertificateSettingsOfTenant {\n    certificateSettings {\n      numberPrefix\n      memberFeeCents\n      nonMemberFeeCents\n      copyMemberFeeCents\n      copyNonMemberFeeCents\n      currency\n    }\n  }\n": types.CertificateSettingsOfTenantDocument,
    "\n  mutation SaveCertificateSettings($input: CertificateSettingsInput!) {\n    setCertificateSettings(input: $input) {\n      numberPrefix\n    }\n  }\n": types.SaveCertificateSettingsDocument,
    "\n  query DatasheetSettingsOfTenant {\n    datasheetSettings {\n      contactReplacementDays\n    }\n  }\n": types.DatasheetSettingsOfTenantDocument,
    "\n  mutation SaveDatasheetSettings($days: Int!) {\n    setDatasheetSettings(contactReplacementDays: $days) {\n      contactReplacementDays\n    }\n  }\n": types.SaveDatasheetSettingsDocument,
    "\n  query PrivacySettingsOfTenant {\n    privacySettings {\n      requestDeadlineRule\n    }\n  }\n": types.PrivacySettingsOfTenantDocument,
    "\n  mutation SaveRequestDeadlineRule($rule: RequestDeadlineRule!) {\n    setRequestDeadlineRule(rule: $rule) {\n      requestDeadlineRule\n    }\n  }\n": types.SaveRequestDeadlineRuleDocument,
    "\n  query SigningKeysOfChamber($slug: String!) {\n    certificateSigningKeys(tenantSlug: $slug) {\n      kid\n      createdAt\n      retiredAt\n    }\n  }\n": types.SigningKeysOfChamberDocument,
    "\n  mutation RotateSigningKey {\n    rotateCertificateSigningKey {\n      kid\n    }\n  }\n": types.RotateSigningKeyDocument,
    "\n  query StaffSecondFactorRequirementOfTenant {\n    staffSecondFactorRequirement {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n": types.StaffSecondFactorRequirementOfTenantDocument,
    "\n  mutation SetStaffSecondFactorRequirement($required: Boolean!) {\n    setStaffSecondFactorRequirement(required: $required) {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n": types.SetStaffSecondFactorRequirementDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    subjectType\n    subjectId\n    details {\n      key\n      value\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  fragment ChainStatusFields on AuditChainStatus {\n    valid\n    entries\n    firstBrokenSequence\n    reason\n    checkpointSequence\n  }\n": types.ChainStatusFieldsFragmentDoc,
    "\n  fragment LogCheckpointFields on LogCheckpoint {\n    id\n    chain\n    sequence\n    checkpointedAt\n    keyId\n    document\n  }\n": types.LogCheckpointFieldsFragmentDoc,
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
export function graphql(source: "\n  query SessionTenant($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      kinds\n    }\n  }\n"): typeof import('./graphql').SessionTenantDocument;
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
export function graphql(source: "\n  query MyPersonalDataExport($portability: Boolean!) {\n    myPersonalDataExport(portability: $portability)\n  }\n"): typeof import('./graphql').MyPersonalDataExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataSubjectRequests {\n    myDataSubjectRequests {\n      id\n      type\n      status\n      receivedAt\n      dueOn\n      completedAt\n      outcome\n      answerKind\n    }\n  }\n"): typeof import('./graphql').MyDataSubjectRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMyDataSubjectRight($input: MyDataSubjectRequestInput!) {\n    requestMyDataSubjectRight(input: $input) {\n      id\n      dueOn\n    }\n  }\n"): typeof import('./graphql').RequestMyDataSubjectRightDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, refreshTokenIn: COOKIE) {\n      accessToken\n      accessTokenExpiresAt\n      totpEnrolmentRequired\n    }\n  }\n"): typeof import('./graphql').ChangeMyPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessingStatistics($userId: ID) {\n    certificateProcessingStatistics(userId: $userId) {\n      userId\n      month\n      reviewed\n      signed\n    }\n  }\n"): typeof import('./graphql').ProcessingStatisticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessingStatisticsStaffMember {\n    managedUsers {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n"): typeof import('./graphql').ProcessingStatisticsStaffMemberDocument;
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
export function graphql(source: "\n  query MyRecoveryCodes {\n    myRecoveryCodes {\n      remaining\n      generatedAt\n    }\n  }\n"): typeof import('./graphql').MyRecoveryCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($totpCode: String!) {\n    regenerateRecoveryCodes(totpCode: $totpCode) {\n      codes\n      generatedAt\n    }\n  }\n"): typeof import('./graphql').RegenerateRecoveryCodesDocument;
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
export function graphql(source: "\n  mutation ConfirmTotpEnrolmentWithRecoveryCodes($code: String!) {\n    confirmTotpEnrolmentWithRecoveryCodes(code: $code) {\n      codes\n      generatedAt\n    }\n  }\n"): typeof import('./graphql').ConfirmTotpEnrolmentWithRecoveryCodesDocument;
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
export function graphql(source: "\n  mutation StepUp($code: String, $password: String) {\n    stepUp(code: $code, password: $password)\n  }\n"): typeof import('./graphql').StepUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($number: String!, $code: String!) {\n    verifyCertificate(number: $number, code: $code) {\n      authentic\n      number\n      status\n      revocationReason\n      supersededByNumber\n      issuingChamber\n      issuedAt\n      countryOfOrigin\n      goodsHash\n      keyId\n      recordDestroyedAt\n      goods {\n        description\n        hsCode\n        quantity\n        unit\n        grossWeightKg\n        netWeightKg\n        packages\n        marksAndNumbers\n      }\n    }\n  }\n"): typeof import('./graphql').VerifyCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationFields on CertificateApplication {\n    id\n    state\n    language\n    exporterName\n    exporterAddress\n    exporterCountry\n    consigneeName\n    consigneeAddress\n    consigneeCountry\n    countryOfOrigin\n    transportDetails\n    goods {\n      description\n      hsCode\n      quantity\n      unit\n      grossWeightKg\n      netWeightKg\n      marksAndNumbers\n      packages\n    }\n    invoiceReferences\n    remarks\n    declarationAccepted\n    supportingDocuments {\n      id\n      fileName\n      mediaType\n      sizeBytes\n      createdAt\n    }\n    claimedBy\n    reviewComment\n    companyReply\n    companyRepliedAt\n    rejectionReason\n    replacesCertificateId\n    startedFromApplicationId\n    certificateId\n    createdAt\n    updatedAt\n    submittedAt\n    destroyedAt\n  }\n"): typeof import('./graphql').ApplicationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificateFields on CertificateOfOrigin {\n    id\n    applicationId\n    number\n    status\n    language\n    countryOfOrigin\n    issuedAt\n    revokedAt\n    revocationReason\n    supersededByNumber\n    verificationCode\n    pdfReady\n    destroyedAt\n    copies {\n      id\n      copyNumber\n      createdAt\n      pdfReady\n    }\n  }\n"): typeof import('./graphql').CertificateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateApplications($state: String, $first: Int!, $after: ID, $organisationId: ID) {\n    certificateApplications(state: $state, first: $first, after: $after, organisationId: $organisationId) {\n      id\n      state\n      exporterName\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      createdAt\n      submittedAt\n      updatedAt\n      claimedBy\n      certificateId\n      destroyedAt\n      goods {\n        hsCode\n      }\n    }\n  }\n"): typeof import('./graphql').CertificateApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateByNumber($number: String!) {\n    certificatesOfOrigin(number: $number, first: 1) {\n      id\n      applicationId\n      number\n    }\n  }\n"): typeof import('./graphql').CertificateByNumberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateApplication($applicationId: ID!) {\n    certificateApplication(applicationId: $applicationId) {\n      ...ApplicationFields\n    }\n  }\n"): typeof import('./graphql').CertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateOfOrigin($certificateId: ID!) {\n    certificateOfOrigin(certificateId: $certificateId) {\n      ...CertificateFields\n    }\n  }\n"): typeof import('./graphql').CertificateOfOriginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedConsignees {\n    savedConsignees {\n      id\n      name\n      address\n      country\n    }\n  }\n"): typeof import('./graphql').SavedConsigneesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveConsignee($input: ConsigneeInput!) {\n    saveConsignee(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').SaveConsigneeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSavedConsignee($consigneeId: ID!) {\n    removeSavedConsignee(consigneeId: $consigneeId)\n  }\n"): typeof import('./graphql').RemoveSavedConsigneeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSupportingDocument($applicationId: ID!, $documentId: ID!) {\n    removeSupportingDocument(applicationId: $applicationId, documentId: $documentId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RemoveSupportingDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCertificateApplicationDraft($applicationId: ID!) {\n    deleteCertificateApplicationDraft(applicationId: $applicationId)\n  }\n"): typeof import('./graphql').DeleteCertificateApplicationDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawCertificateApplication($applicationId: ID!) {\n    withdrawCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').WithdrawCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCertificateApplication($input: CreateCertificateApplicationInput!) {\n    createCertificateApplication(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCertificateApplication($input: UpdateCertificateApplicationInput!) {\n    updateCertificateApplication(input: $input) {\n      ...ApplicationFields\n    }\n  }\n"): typeof import('./graphql').UpdateCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCertificateApplication($applicationId: ID!, $reply: String) {\n    submitCertificateApplication(applicationId: $applicationId, reply: $reply) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').SubmitCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplaceCertificate($certificateId: ID!) {\n    replaceCertificate(certificateId: $certificateId) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReplaceCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCertificateCopy($certificateId: ID!) {\n    requestCertificateCopy(certificateId: $certificateId) {\n      id\n      copyNumber\n    }\n  }\n"): typeof import('./graphql').RequestCertificateCopyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimCertificateApplication($applicationId: ID!) {\n    claimCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ClaimCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseCertificateApplication($applicationId: ID!) {\n    releaseCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ReleaseCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCertificateApplicationChanges($applicationId: ID!, $comment: String!) {\n    requestCertificateApplicationChanges(applicationId: $applicationId, comment: $comment) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').RequestCertificateApplicationChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectCertificateApplication($applicationId: ID!, $reason: String!) {\n    rejectCertificateApplication(applicationId: $applicationId, reason: $reason) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').RejectCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveCertificateApplication($applicationId: ID!) {\n    approveCertificateApplication(applicationId: $applicationId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ApproveCertificateApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignCertificate($applicationId: ID!, $idempotencyKey: String!) {\n    signCertificate(applicationId: $applicationId, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n"): typeof import('./graphql').SignCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCertificate($certificateId: ID!, $reason: String!) {\n    revokeCertificate(certificateId: $certificateId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDatasheetAttachment($attachmentId: ID!) {\n    removeDatasheetAttachment(attachmentId: $attachmentId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RemoveDatasheetAttachmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCertifiedProduct($input: CreateCertifiedProductInput!) {\n    createCertifiedProduct(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateCertifiedProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeCertifiedProductStatus($id: ID!, $status: CertifiedProductStatus!) {\n    changeCertifiedProductStatus(id: $id, status: $status) {\n      id\n      status\n      statusChangedAt\n    }\n  }\n"): typeof import('./graphql').ChangeCertifiedProductStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProductFamilySchema($input: SetProductFamilySchemaInput!) {\n    setProductFamilySchema(input: $input) {\n      id\n      family\n      version\n    }\n  }\n"): typeof import('./graphql').SetProductFamilySchemaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObjectToContactDisclosure {\n    objectToContactDisclosure {\n      withdrawnRoles\n      datasheetsAffected\n      replacementDeadline\n    }\n  }\n"): typeof import('./graphql').ObjectToContactDisclosureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDatasheet($input: CreateDatasheetInput!) {\n    createDatasheet(input: $input) {\n      id\n      datasheetId\n      state\n    }\n  }\n"): typeof import('./graphql').CreateDatasheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDatasheetDraft($input: UpdateDatasheetDraftInput!) {\n    updateDatasheetDraft(input: $input) {\n      id\n      state\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateDatasheetDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDatasheetVersion($versionId: ID!) {\n    submitDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      submittedAt\n    }\n  }\n"): typeof import('./graphql').SubmitDatasheetVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartDatasheetVersion($datasheetId: ID!) {\n    startDatasheetVersion(datasheetId: $datasheetId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').StartDatasheetVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactCandidates {\n    datasheetContactCandidates {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n"): typeof import('./graphql').ContactCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NameDatasheetContact($datasheetId: ID!, $userId: ID!) {\n    nameDatasheetContact(datasheetId: $datasheetId, userId: $userId) {\n      id\n      contactUserId\n      contactReplacementRequired\n    }\n  }\n"): typeof import('./graphql').NameDatasheetContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDatasheetVersion($versionId: ID!) {\n    approveDatasheetVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ApproveDatasheetVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDatasheetChanges($versionId: ID!, $comment: String!) {\n    requestDatasheetChanges(versionId: $versionId, comment: $comment) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').RequestDatasheetChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishDatasheetVersion($versionId: ID!) {\n    publishDatasheetVersion(versionId: $versionId) {\n      id\n      state\n      publishedAt\n    }\n  }\n"): typeof import('./graphql').PublishDatasheetVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishDatasheet($datasheetId: ID!) {\n    unpublishDatasheet(datasheetId: $datasheetId) {\n      id\n    }\n  }\n"): typeof import('./graphql').UnpublishDatasheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactDisclosureNotice($language: String!) {\n    contactDisclosureNotice(language: $language) {\n      version\n      language\n      text\n    }\n  }\n"): typeof import('./graphql').ContactDisclosureNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeContactDisclosureNotice($version: String!) {\n    acknowledgeContactDisclosureNotice(version: $version) {\n      acknowledgedAt\n      noticeVersion\n    }\n  }\n"): typeof import('./graphql').AcknowledgeContactDisclosureNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedDatasheet($code: String, $id: ID) {\n    publishedDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      publishedAt\n      productName\n      productFamily\n      productionUnit\n      scheme\n      certificateReference\n      holderName\n      characteristics\n      texts {\n        language\n        title\n        description\n      }\n      contactKind\n      contactName\n      contactPosition\n      contactEmail\n      contactPhone\n      contactReplacementRequired\n      attachments {\n        id\n        title\n        language\n        fileName\n        mediaType\n        sizeBytes\n      }\n    }\n  }\n"): typeof import('./graphql').PublishedDatasheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedDatasheetHistory($code: String!) {\n    publishedDatasheetHistory(code: $code) {\n      versionId\n      versionNumber\n      publishedAt\n      supersededAt\n      withdrawnAt\n      characteristics\n    }\n  }\n"): typeof import('./graphql').PublishedDatasheetHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedFamilySchema($tenant: String!, $family: String!) {\n    publishedProductFamilySchema(tenant: $tenant, family: $family) {\n      jsonSchema\n    }\n  }\n"): typeof import('./graphql').PublishedFamilySchemaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WithdrawnDatasheet($code: String, $id: ID) {\n    withdrawnDatasheet(code: $code, id: $id) {\n      id\n      tenantId\n      publicCode\n      versionNumber\n      productName\n      productFamily\n      certificateReference\n      scheme\n      holderName\n      publishedAt\n      withdrawnAt\n      reason\n    }\n  }\n"): typeof import('./graphql').WithdrawnDatasheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPublishedDatasheets(\n    $tenant: String\n    $productFamily: String\n    $productName: String\n    $holderName: String\n    $certificateReference: String\n    $first: Int\n    $after: String\n  ) {\n    searchPublishedDatasheets(\n      tenant: $tenant\n      productFamily: $productFamily\n      productName: $productName\n      holderName: $holderName\n      certificateReference: $certificateReference\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        productFamily\n        holderName\n        scheme\n        certificateReference\n        publishedAt\n        versionNumber\n      }\n      nextCursor\n    }\n  }\n"): typeof import('./graphql').SearchPublishedDatasheetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedFamilySchemas {\n    publishedProductFamilySchemas {\n      tenantId\n      family\n      jsonSchema\n    }\n  }\n"): typeof import('./graphql').PublishedFamilySchemasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WithdrawnDatasheets($tenant: String, $first: Int, $after: String) {\n    withdrawnDatasheets(tenant: $tenant, first: $first, after: $after) {\n      items {\n        id\n        tenantId\n        publicCode\n        productName\n        holderName\n        scheme\n        certificateReference\n        withdrawnAt\n        reason\n      }\n      nextCursor\n    }\n  }\n"): typeof import('./graphql').WithdrawnDatasheetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertifiedProducts($first: Int, $after: ID, $search: String, $ids: [ID!]) {\n    certifiedProducts(first: $first, after: $after, search: $search, ids: $ids) {\n      id\n      organisationId\n      name\n      productFamily\n      certificateReference\n      scheme\n      productionUnit\n      status\n      statusChangedAt\n      createdAt\n    }\n  }\n"): typeof import('./graphql').CertifiedProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Companies($ids: [ID!], $nameContains: String, $first: Int) {\n    organisations(ids: $ids, nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n"): typeof import('./graphql').CompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasheets($first: Int, $after: ID, $state: DatasheetState, $certifiedProductIds: [ID!], $contactReplacementRequired: Boolean) {\n    datasheets(first: $first, after: $after, state: $state, certifiedProductIds: $certifiedProductIds, contactReplacementRequired: $contactReplacementRequired) {\n      id\n      certifiedProductId\n      organisationId\n      publicCode\n      contactUserId\n      contactReplacementRequired\n      contactReplacementDeadline\n      contactSuspended\n      createdAt\n    }\n  }\n"): typeof import('./graphql').DatasheetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductFamilySchemas {\n    productFamilySchemas {\n      id\n      family\n      version\n      jsonSchema\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').ProductFamilySchemasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasheetVersionFields on DatasheetVersion {\n    id\n    datasheetId\n    number\n    state\n    characteristics\n    texts {\n      language\n      title\n      description\n    }\n    attachments {\n      id\n      title\n      language\n      fileName\n      mediaType\n      sizeBytes\n      sha256\n    }\n    completedBy\n    reviewComment\n    createdAt\n    updatedAt\n    submittedAt\n    approvedAt\n    publishedAt\n    supersededAt\n    unpublishedAt\n  }\n"): typeof import('./graphql').DatasheetVersionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasheetVersions($datasheetId: ID!) {\n    datasheetVersions(datasheetId: $datasheetId) {\n      ...DatasheetVersionFields\n    }\n  }\n"): typeof import('./graphql').DatasheetVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasheetVersionsOf($datasheetIds: [ID!]!) {\n    datasheetVersionsOf(datasheetIds: $datasheetIds) {\n      ...DatasheetVersionFields\n    }\n  }\n"): typeof import('./graphql').DatasheetVersionsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantDirectory {\n    tenants {\n      id\n      slug\n      name\n      kinds\n      legalEntityNumber\n      street\n      postalCode\n      city\n      country\n      phone\n      email\n      website\n      languages\n      privacyContactEmail\n    }\n  }\n"): typeof import('./graphql').TenantDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantDepartureList {\n    tenantOffboardings {\n      id\n      tenantId\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n"): typeof import('./graphql').TenantDepartureListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawTenantDeparture($offboardingId: ID!, $reason: String!) {\n    withdrawTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      tenantId\n      status\n      withdrawnAt\n    }\n  }\n"): typeof import('./graphql').WithdrawTenantDepartureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileTenantDeparture($tenantId: ID!) {\n    requestTenantOffboarding(tenantId: $tenantId) {\n      id\n      tenantId\n      status\n    }\n  }\n"): typeof import('./graphql').FileTenantDepartureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DestroyDepartedTenant($offboardingId: ID!) {\n    destroyTenant(offboardingId: $offboardingId) {\n      id\n      tenantName\n      totalRowsDeleted\n    }\n  }\n"): typeof import('./graphql').DestroyDepartedTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DestructionCertificates {\n    tenantDestructionCertificates {\n      id\n      departedTenantId\n      tenantSlug\n      tenantName\n      requestedAt\n      confirmedAt\n      exportedAt\n      exportedRecords\n      destroyedAt\n      exportHash\n      certificateHash\n      rowsDeleted {\n        table\n        rows\n      }\n      totalRowsDeleted\n      signingKeyId\n      signature\n      signedContent\n      intact\n    }\n  }\n"): typeof import('./graphql').DestructionCertificatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnTenantOffboarding {\n    tenantOffboardings {\n      id\n      status\n      requestedAt\n      confirmedAt\n      destroyNotBefore\n      exportedAt\n      exportedRecords\n      exportHash\n      withdrawnAt\n      withdrawnByParty\n      withdrawalReason\n    }\n  }\n"): typeof import('./graphql').OwnTenantOffboardingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineOwnTenantOffboarding($offboardingId: ID!, $reason: String!) {\n    declineTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {\n      id\n      status\n      withdrawnAt\n    }\n  }\n"): typeof import('./graphql').DeclineOwnTenantOffboardingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmOwnTenantOffboarding($offboardingId: ID!) {\n    confirmTenantOffboarding(offboardingId: $offboardingId) {\n      id\n      status\n      confirmedAt\n      destroyNotBefore\n    }\n  }\n"): typeof import('./graphql').ConfirmOwnTenantOffboardingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportOwnTenantArchive($offboardingId: ID!) {\n    exportTenantArchive(offboardingId: $offboardingId) {\n      offboardingId\n      records\n      withheld\n      sha256\n      json\n    }\n  }\n"): typeof import('./graphql').ExportOwnTenantArchiveDocument;
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
export function graphql(source: "\n  query CompanyToReset($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n      phone\n      loginMethod\n    }\n  }\n"): typeof import('./graphql').CompanyToResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetCompanyAdministratorSecondFactor($input: ResetCompanyAdministratorSecondFactorInput!) {\n    resetCompanyAdministratorSecondFactor(input: $input) {\n      organisationId\n      administratorId\n      resetAt\n    }\n  }\n"): typeof import('./graphql').ResetCompanyAdministratorSecondFactorDocument;
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
export function graphql(source: "\n  mutation AppointCompanyAdministrator($input: AppointCompanyAdministratorInput!) {\n    appointCompanyAdministrator(input: $input) {\n      id\n      email\n    }\n  }\n"): typeof import('./graphql').AppointCompanyAdministratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').EnableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId) {\n      id\n      totpEnrolledAt\n    }\n  }\n"): typeof import('./graphql').ResetSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      roles\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').PendingInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      createdAt\n      secretRotatedAt\n    }\n    webhookEventTypes\n  }\n"): typeof import('./graphql').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $deadLettersOnly: Boolean) {\n    webhookDeliveries(webhookId: $webhookId, deadLettersOnly: $deadLettersOnly) {\n      id\n      eventType\n      occurredAt\n      attempts\n      lastStatus\n      lastError\n      nextAttemptAt\n      deliveredAt\n      deadLetteredAt\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($webhookId: ID!) {\n    deleteWebhook(webhookId: $webhookId) {\n      id\n    }\n  }\n"): typeof import('./graphql').DeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      attempts\n      nextAttemptAt\n      deadLetteredAt\n    }\n  }\n"): typeof import('./graphql').RedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        slug\n        name\n      }\n      invitationSentTo\n    }\n  }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTenantAdministrator($input: InviteTenantAdministratorInput!) {\n    inviteTenantAdministrator(input: $input) {\n      tenant {\n        name\n      }\n      invitationSentTo\n      earlierInvitationsRevoked\n    }\n  }\n"): typeof import('./graphql').InviteTenantAdministratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformAuditEntries($first: Int!, $afterSequence: Int) {\n    platformAuditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n"): typeof import('./graphql').PlatformAuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyPlatformAuditChain {\n    verifyPlatformAuditChain {\n      ...ChainStatusFields\n    }\n  }\n"): typeof import('./graphql').VerifyPlatformAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformLogCheckpoints($first: Int!) {\n    platformLogCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n"): typeof import('./graphql').PlatformLogCheckpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTenantAdministratorSecondFactor($input: ResetTenantAdministratorSecondFactorInput!) {\n    resetTenantAdministratorSecondFactor(input: $input) {\n      administratorId\n      resetAt\n      tenant {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ResetTenantAdministratorSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      endsAt\n      endedAt\n    }\n  }\n"): typeof import('./graphql').OwnSupportGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnderSupportGrant($grantId: ID!) {\n    supportAccounts(grantId: $grantId) {\n      id\n      organisationId\n      email\n      roles\n      createdAt\n    }\n    supportOrganisations(grantId: $grantId) {\n      id\n      name\n      companyNumber\n      vatNumber\n      street\n      postalCode\n      city\n      country\n      email\n      phone\n    }\n    supportCertificateApplications(grantId: $grantId, first: 50) {\n      id\n      organisationId\n      state\n      consigneeName\n      consigneeCountry\n      countryOfOrigin\n      submittedAt\n      updatedAt\n    }\n    supportDatasheets(grantId: $grantId) {\n      id\n      organisationId\n      publicCode\n      latestVersion\n      latestState\n      createdAt\n    }\n  }\n"): typeof import('./graphql').UnderSupportGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorSupportGrants {\n    supportGrants {\n      id\n      tenantId\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n"): typeof import('./graphql').OperatorSupportGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSupportAccess($input: RequestSupportAccessInput!) {\n    requestSupportAccess(input: $input) {\n      id\n      tenantId\n      status\n    }\n  }\n"): typeof import('./graphql').RequestSupportAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {\n    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {\n      id\n      occurredAt\n      accessorKind\n      accessorId\n      accessorRoles\n      subjectType\n      subjectId\n      categories\n      fields\n      operation\n      requestId\n    }\n  }\n"): typeof import('./graphql').PersonalDataAccessesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyPersonalDataAccessChain {\n    verifyPersonalDataAccessChain {\n      valid\n      entries\n      firstBrokenSequence\n      reason\n      checkpointSequence\n      prunedEntries\n    }\n  }\n"): typeof import('./graphql').VerifyPersonalDataAccessChainDocument;
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
export function graphql(source: "\n  query LegalHolds {\n    legalHolds {\n      id\n      record\n      reason\n      placedAt\n    }\n  }\n"): typeof import('./graphql').LegalHoldsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceLegalHold($input: PlaceLegalHoldInput!) {\n    placeLegalHold(input: $input)\n  }\n"): typeof import('./graphql').PlaceLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseLegalHold($holdId: ID!) {\n    releaseLegalHold(holdId: $holdId)\n  }\n"): typeof import('./graphql').ReleaseLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPolicyNotice($slug: String!) {\n    myPrivacyPolicyNotice {\n      versionId\n      answer\n      objectionDeadline\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      publishedAt\n    }\n  }\n"): typeof import('./graphql').MyPolicyNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptPolicy($versionId: ID!) {\n    acceptPrivacyPolicy(versionId: $versionId) {\n      versionId\n      answer\n    }\n  }\n"): typeof import('./graphql').AcceptPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObjectToPolicy($input: ObjectToPrivacyPolicyInput!) {\n    objectToPrivacyPolicy(input: $input) {\n      versionId\n      answer\n    }\n  }\n"): typeof import('./graphql').ObjectToPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantPrivacy($slug: String!) {\n    tenant(slug: $slug) {\n      slug\n      name\n      privacyContactEmail\n    }\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n    }\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      effectiveFrom\n      transferSafeguard\n    }\n  }\n"): typeof import('./graphql').TenantPrivacyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantPolicyVersions($slug: String!) {\n    privacyPolicyVersions(tenantSlug: $slug) {\n      id\n      version\n      title\n      summary\n      body\n      publishedAt\n      objectionDeadline\n    }\n  }\n"): typeof import('./graphql').TenantPolicyVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyResponses($versionId: ID!) {\n    privacyPolicyResponses(versionId: $versionId) {\n      userId\n      answer\n      reason\n      respondedAt\n    }\n  }\n"): typeof import('./graphql').PolicyResponsesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPolicy($input: PublishPrivacyPolicyInput!) {\n    publishPrivacyPolicy(input: $input) {\n      id\n      version\n      objectionDeadline\n    }\n  }\n"): typeof import('./graphql').PublishPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyObjector($userId: ID!) {\n    user(id: $userId) {\n      firstName\n      lastName\n      email\n    }\n  }\n"): typeof import('./graphql').PolicyObjectorDocument;
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
export function graphql(source: "\n  query ProcessingActivities {\n    processingActivities {\n      id\n      name\n      purpose\n      legalBasis\n      dataSubjects\n      dataCategories\n      recipients\n      transfers\n      retention\n      securityMeasures\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ProcessingActivitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProcessingActivity($input: AddProcessingActivityInput!) {\n    addProcessingActivity(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AddProcessingActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProcessingActivity($id: ID!) {\n    removeProcessingActivity(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RemoveProcessingActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessingRegister($format: RegisterFormat!) {\n    processingRegister(format: $format)\n  }\n"): typeof import('./graphql').ProcessingRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformProcessingRegister($format: RegisterFormat!) {\n    platformProcessingRegister(format: $format)\n  }\n"): typeof import('./graphql').PlatformProcessingRegisterDocument;
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
export function graphql(source: "\n  mutation UpholdDataSubjectObjection($input: UpholdDataSubjectObjectionInput!) {\n    upholdDataSubjectObjection(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpholdDataSubjectObjectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {\n    closeDataSubjectRequest(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CloseDataSubjectRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftProcessingRestriction($requestId: ID!) {\n    liftProcessingRestriction(requestId: $requestId) {\n      id\n    }\n  }\n"): typeof import('./graphql').LiftProcessingRestrictionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataSubjectRequestQueue($open: Boolean!, $first: Int!) {\n    dataSubjectRequests(open: $open, first: $first) {\n      id\n      type\n      status\n      receivedAt\n      acknowledgedAt\n      completedAt\n      firstDueOn\n      dueOn\n      overdue\n      extensionMonths\n      extensionReason\n      identityVerifiedBy\n      language\n      requesterEmail\n      subjectUserId\n      details\n      outcome\n    }\n  }\n"): typeof import('./graphql').DataSubjectRequestQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionSchedule {\n    retentionSchedule {\n      rule\n      basis\n      unit\n      defaultPeriod\n      legalMinimum\n      legalMaximum\n      period\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').RetentionScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {\n    setRetentionPeriod(input: $input) {\n      rule\n      period\n      unit\n    }\n  }\n"): typeof import('./graphql').SetRetentionPeriodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunRetentionSweep {\n    runRetentionSweep {\n      holder\n      deleted\n      deidentified\n      expired\n      held\n    }\n  }\n"): typeof import('./graphql').RunRetentionSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncedSubProcessorChanges($slug: String!) {\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n    }\n    lodgedSubProcessorObjections {\n      id\n      changeId\n      reason\n      objectedAt\n    }\n  }\n"): typeof import('./graphql').AnnouncedSubProcessorChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObjectToSubProcessorChange($input: ObjectToSubProcessorChangeInput!) {\n    objectToSubProcessorChange(input: $input) {\n      id\n      objectedAt\n    }\n  }\n"): typeof import('./graphql').ObjectToSubProcessorChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSubProcessors($slug: String!) {\n    subProcessors(tenantSlug: $slug) {\n      id\n      name\n      service\n      location\n      dataCategories\n      transferSafeguard\n      effectiveFrom\n      effectiveUntil\n    }\n    subProcessorChanges(tenantSlug: $slug) {\n      id\n      kind\n      description\n      announcedAt\n      objectionDeadline\n      effectiveAt\n      customersNotified\n    }\n    subProcessorObjections {\n      id\n      changeId\n      organisationId\n      reason\n      objectedAt\n    }\n  }\n"): typeof import('./graphql').TenantSubProcessorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectingCompany($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ObjectingCompanyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnnounceSubProcessorChange($input: AnnounceSubProcessorChangeInput!) {\n    announceSubProcessorChange(input: $input) {\n      id\n      customersNotified\n      objectionDeadline\n    }\n  }\n"): typeof import('./graphql').AnnounceSubProcessorChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSupportGrants {\n    supportGrants {\n      id\n      purpose\n      durationMinutes\n      requestedAt\n      status\n      decidedAt\n      refusalReason\n      startsAt\n      endsAt\n      endedAt\n    }\n  }\n"): typeof import('./graphql').TenantSupportGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSupportAccess($grantId: ID!) {\n    approveSupportAccess(grantId: $grantId) {\n      id\n      status\n      endsAt\n    }\n  }\n"): typeof import('./graphql').ApproveSupportAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseSupportAccess($grantId: ID!, $reason: String) {\n    refuseSupportAccess(grantId: $grantId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RefuseSupportAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSupportAccess($grantId: ID!) {\n    endSupportAccess(grantId: $grantId) {\n      id\n      status\n      endedAt\n    }\n  }\n"): typeof import('./graphql').EndSupportAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectCertificates {\n    projectCertificates {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdAt\n      issuedAt\n      parties {\n        role\n        organisationName\n        contactReplacementRequired\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectCertificatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectCertificateDetails($projectId: ID!) {\n    projectCertificate(projectId: $projectId) {\n      id\n      reference\n      site\n      material\n      quantityTonnes\n      state\n      createdByOrganisationId\n      createdAt\n      issuedAt\n      withdrawnAt\n      withdrawalReason\n      parties {\n        role\n        organisationId\n        organisationName\n        contactKind\n        contactUserId\n        contactName\n        contactEmail\n        contactPhone\n        contactPosition\n        contactReplacementRequired\n      }\n      distributions {\n        id\n        target\n        distributedBy\n        distributedAt\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectCertificateDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectPartyCandidate($vatNumber: String!) {\n    projectPartyCandidate(vatNumber: $vatNumber) {\n      organisationId\n      name\n      city\n    }\n  }\n"): typeof import('./graphql').ProjectPartyCandidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectCertificate($input: CreateProjectCertificateInput!) {\n    createProjectCertificate(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateProjectCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueProjectCertificate($projectId: ID!) {\n    issueProjectCertificate(projectId: $projectId) {\n      id\n      state\n      issuedAt\n    }\n  }\n"): typeof import('./graphql').IssueProjectCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DistributeProjectCertificate($projectId: ID!, $target: String!) {\n    distributeProjectCertificate(projectId: $projectId, target: $target) {\n      id\n      target\n      distributedAt\n    }\n  }\n"): typeof import('./graphql').DistributeProjectCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawProjectCertificate($projectId: ID!, $reason: String!) {\n    withdrawProjectCertificate(projectId: $projectId, reason: $reason) {\n      id\n      state\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n"): typeof import('./graphql').WithdrawProjectCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProjectCertificateDraft($projectId: ID!) {\n    deleteProjectCertificateDraft(projectId: $projectId)\n  }\n"): typeof import('./graphql').DeleteProjectCertificateDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NameProjectContact($projectId: ID!, $role: ProjectPartyRole!, $userId: ID!) {\n    nameProjectContact(projectId: $projectId, role: $role, userId: $userId) {\n      id\n    }\n  }\n"): typeof import('./graphql').NameProjectContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectColleagues {\n    managedUsers {\n      id\n      firstName\n      lastName\n      status\n    }\n  }\n"): typeof import('./graphql').ProjectColleaguesDocument;
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
export function graphql(source: "\n  query AuditEntries($first: Int!, $afterSequence: Int) {\n    auditEntries(first: $first, afterSequence: $afterSequence) {\n      ...AuditEntryFields\n    }\n  }\n"): typeof import('./graphql').AuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ...ChainStatusFields\n    }\n  }\n"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogCheckpoints($first: Int!) {\n    logCheckpoints(first: $first) {\n      ...LogCheckpointFields\n    }\n  }\n"): typeof import('./graphql').LogCheckpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffCompanies($nameContains: String, $first: Int) {\n    organisations(nameContains: $nameContains, first: $first) {\n      id\n      name\n      city\n    }\n  }\n"): typeof import('./graphql').StaffCompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoicingLines($month: String!, $organisationId: ID) {\n    certificateBillableLines(month: $month, organisationId: $organisationId) {\n      id\n      organisationId\n      organisationName\n      organisationVatNumber\n      certificateNumber\n      kind\n      copyNumber\n      member\n      amountCents\n      currency\n      occurredAt\n    }\n  }\n"): typeof import('./graphql').InvoicingLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateSettingsOfTenant {\n    certificateSettings {\n      numberPrefix\n      memberFeeCents\n      nonMemberFeeCents\n      copyMemberFeeCents\n      copyNonMemberFeeCents\n      currency\n    }\n  }\n"): typeof import('./graphql').CertificateSettingsOfTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCertificateSettings($input: CertificateSettingsInput!) {\n    setCertificateSettings(input: $input) {\n      numberPrefix\n    }\n  }\n"): typeof import('./graphql').SaveCertificateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasheetSettingsOfTenant {\n    datasheetSettings {\n      contactReplacementDays\n    }\n  }\n"): typeof import('./graphql').DatasheetSettingsOfTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDatasheetSettings($days: Int!) {\n    setDatasheetSettings(contactReplacementDays: $days) {\n      contactReplacementDays\n    }\n  }\n"): typeof import('./graphql').SaveDatasheetSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacySettingsOfTenant {\n    privacySettings {\n      requestDeadlineRule\n    }\n  }\n"): typeof import('./graphql').PrivacySettingsOfTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRequestDeadlineRule($rule: RequestDeadlineRule!) {\n    setRequestDeadlineRule(rule: $rule) {\n      requestDeadlineRule\n    }\n  }\n"): typeof import('./graphql').SaveRequestDeadlineRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SigningKeysOfChamber($slug: String!) {\n    certificateSigningKeys(tenantSlug: $slug) {\n      kid\n      createdAt\n      retiredAt\n    }\n  }\n"): typeof import('./graphql').SigningKeysOfChamberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateSigningKey {\n    rotateCertificateSigningKey {\n      kid\n    }\n  }\n"): typeof import('./graphql').RotateSigningKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffSecondFactorRequirementOfTenant {\n    staffSecondFactorRequirement {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n"): typeof import('./graphql').StaffSecondFactorRequirementOfTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStaffSecondFactorRequirement($required: Boolean!) {\n    setStaffSecondFactorRequirement(required: $required) {\n      required\n      staffWithoutSecondFactor\n    }\n  }\n"): typeof import('./graphql').SetStaffSecondFactorRequirementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    subjectType\n    subjectId\n    details {\n      key\n      value\n    }\n  }\n"): typeof import('./graphql').AuditEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainStatusFields on AuditChainStatus {\n    valid\n    entries\n    firstBrokenSequence\n    reason\n    checkpointSequence\n  }\n"): typeof import('./graphql').ChainStatusFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LogCheckpointFields on LogCheckpoint {\n    id\n    chain\n    sequence\n    checkpointedAt\n    keyId\n    document\n  }\n"): typeof import('./graphql').LogCheckpointFieldsFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
