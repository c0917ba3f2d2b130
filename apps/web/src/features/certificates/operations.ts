import { graphql } from '../../gql';

// The certificate operations of the portal's screens. Organisation users and staff read the same
// application fields (both may, per the visibility matrix); `signedBy` is asked by staff screens only.

export const ApplicationFields = graphql(`
  fragment ApplicationFields on CertificateApplication {
    id
    state
    language
    exporterName
    exporterAddress
    exporterCountry
    consigneeName
    consigneeAddress
    consigneeCountry
    countryOfOrigin
    transportDetails
    goods {
      description
      hsCode
      quantity
      unit
      grossWeightKg
      netWeightKg
      marksAndNumbers
      packages
    }
    invoiceReferences
    remarks
    declarationAccepted
    supportingDocuments {
      id
      fileName
      mediaType
      sizeBytes
      createdAt
    }
    claimedBy
    reviewComment
    companyReply
    companyRepliedAt
    rejectionReason
    replacesCertificateId
    startedFromApplicationId
    certificateId
    createdAt
    updatedAt
    submittedAt
    destroyedAt
  }
`);

export const CertificateFields = graphql(`
  fragment CertificateFields on CertificateOfOrigin {
    id
    applicationId
    number
    status
    language
    countryOfOrigin
    issuedAt
    revokedAt
    revocationReason
    supersededByNumber
    verificationCode
    pdfReady
    destroyedAt
    copies {
      id
      copyNumber
      createdAt
      pdfReady
    }
  }
`);

export const CertificateApplications = graphql(`
  query CertificateApplications($state: String, $first: Int!, $after: ID, $organisationId: ID) {
    certificateApplications(state: $state, first: $first, after: $after, organisationId: $organisationId) {
      id
      state
      exporterName
      consigneeName
      consigneeCountry
      countryOfOrigin
      createdAt
      submittedAt
      updatedAt
      claimedBy
      certificateId
      destroyedAt
      goods {
        hsCode
      }
    }
  }
`);

/** The certificate a number names, as a chamber user types it from the paper (the API ignores the letters' case). */
export const CertificateByNumber = graphql(`
  query CertificateByNumber($number: String!) {
    certificatesOfOrigin(number: $number, first: 1) {
      id
      applicationId
      number
    }
  }
`);

export const CertificateApplication = graphql(`
  query CertificateApplication($applicationId: ID!) {
    certificateApplication(applicationId: $applicationId) {
      ...ApplicationFields
    }
  }
`);

export const CertificateOfOrigin = graphql(`
  query CertificateOfOrigin($certificateId: ID!) {
    certificateOfOrigin(certificateId: $certificateId) {
      ...CertificateFields
    }
  }
`);

export const SavedConsignees = graphql(`
  query SavedConsignees {
    savedConsignees {
      id
      name
      address
      country
    }
  }
`);

export const SaveConsignee = graphql(`
  mutation SaveConsignee($input: ConsigneeInput!) {
    saveConsignee(input: $input) {
      id
    }
  }
`);

export const RemoveSavedConsignee = graphql(`
  mutation RemoveSavedConsignee($consigneeId: ID!) {
    removeSavedConsignee(consigneeId: $consigneeId)
  }
`);

export const RemoveSupportingDocument = graphql(`
  mutation RemoveSupportingDocument($applicationId: ID!, $documentId: ID!) {
    removeSupportingDocument(applicationId: $applicationId, documentId: $documentId) {
      id
    }
  }
`);

export const DeleteCertificateApplicationDraft = graphql(`
  mutation DeleteCertificateApplicationDraft($applicationId: ID!) {
    deleteCertificateApplicationDraft(applicationId: $applicationId)
  }
`);

export const WithdrawCertificateApplication = graphql(`
  mutation WithdrawCertificateApplication($applicationId: ID!) {
    withdrawCertificateApplication(applicationId: $applicationId) {
      id
      state
    }
  }
`);

export const CreateCertificateApplication = graphql(`
  mutation CreateCertificateApplication($input: CreateCertificateApplicationInput!) {
    createCertificateApplication(input: $input) {
      id
    }
  }
`);

export const UpdateCertificateApplication = graphql(`
  mutation UpdateCertificateApplication($input: UpdateCertificateApplicationInput!) {
    updateCertificateApplication(input: $input) {
      ...ApplicationFields
    }
  }
`);

export const SubmitCertificateApplication = graphql(`
  mutation SubmitCertificateApplication($applicationId: ID!, $reply: String) {
    submitCertificateApplication(applicationId: $applicationId, reply: $reply) {
      id
      state
    }
  }
`);

export const ReplaceCertificate = graphql(`
  mutation ReplaceCertificate($certificateId: ID!) {
    replaceCertificate(certificateId: $certificateId) {
      id
    }
  }
`);

export const RequestCertificateCopy = graphql(`
  mutation RequestCertificateCopy($certificateId: ID!) {
    requestCertificateCopy(certificateId: $certificateId) {
      id
      copyNumber
    }
  }
`);

export const ClaimCertificateApplication = graphql(`
  mutation ClaimCertificateApplication($applicationId: ID!) {
    claimCertificateApplication(applicationId: $applicationId) {
      id
      state
    }
  }
`);

export const ReleaseCertificateApplication = graphql(`
  mutation ReleaseCertificateApplication($applicationId: ID!) {
    releaseCertificateApplication(applicationId: $applicationId) {
      id
      state
    }
  }
`);

export const RequestCertificateApplicationChanges = graphql(`
  mutation RequestCertificateApplicationChanges($applicationId: ID!, $comment: String!) {
    requestCertificateApplicationChanges(applicationId: $applicationId, comment: $comment) {
      id
      state
    }
  }
`);

export const RejectCertificateApplication = graphql(`
  mutation RejectCertificateApplication($applicationId: ID!, $reason: String!) {
    rejectCertificateApplication(applicationId: $applicationId, reason: $reason) {
      id
      state
    }
  }
`);

export const ApproveCertificateApplication = graphql(`
  mutation ApproveCertificateApplication($applicationId: ID!) {
    approveCertificateApplication(applicationId: $applicationId) {
      id
      state
    }
  }
`);

export const SignCertificate = graphql(`
  mutation SignCertificate($applicationId: ID!, $idempotencyKey: String!) {
    signCertificate(applicationId: $applicationId, idempotencyKey: $idempotencyKey) {
      id
      number
    }
  }
`);

export const RevokeCertificate = graphql(`
  mutation RevokeCertificate($certificateId: ID!, $reason: String!) {
    revokeCertificate(certificateId: $certificateId, reason: $reason) {
      id
      status
    }
  }
`);

/** The states of an application, in workflow order (for filters and badges). */
export const APPLICATION_STATES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'APPROVED', 'ISSUED', 'WITHDRAWN'] as const;
/** The states from which the company withdraws its application (before a clerk works on it). */
export const WITHDRAWABLE_STATES: readonly string[] = ['SUBMITTED', 'CHANGES_REQUESTED'];
export const EDITABLE_STATES: readonly string[] = ['DRAFT', 'CHANGES_REQUESTED'];
export const REVOCATION_REASONS = ['ISSUED_IN_ERROR', 'GOODS_NOT_EXPORTED', 'FRAUDULENT_APPLICATION', 'AT_EXPORTER_REQUEST', 'OTHER'] as const;
export const CERTIFICATE_LANGUAGES = ['EN', 'NL', 'FR', 'DE'] as const;
