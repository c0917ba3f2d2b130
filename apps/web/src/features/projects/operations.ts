import { graphql } from '../../gql';

// The parties' companies and the tenant's staff read every field of these types
// (docs/visibility-matrix.md: ProjectCertificate, ProjectParty, ProjectDistribution); a field the
// gate conceals arrives null and the screen says "hidden".

export const ProjectCertificates = graphql(`
  query ProjectCertificates {
    projectCertificates {
      id
      reference
      site
      material
      quantityTonnes
      state
      createdAt
      issuedAt
      parties {
        role
        organisationName
        contactReplacementRequired
      }
    }
  }
`);

export const ProjectCertificateDetails = graphql(`
  query ProjectCertificateDetails($projectId: ID!) {
    projectCertificate(projectId: $projectId) {
      id
      reference
      site
      material
      quantityTonnes
      state
      createdByOrganisationId
      createdAt
      issuedAt
      withdrawnAt
      withdrawalReason
      parties {
        role
        organisationId
        organisationName
        contactKind
        contactUserId
        contactName
        contactEmail
        contactPhone
        contactPosition
        contactReplacementRequired
      }
      distributions {
        id
        target
        distributedBy
        distributedAt
      }
    }
  }
`);

export const ProjectPartyCandidate = graphql(`
  query ProjectPartyCandidate($vatNumber: String!) {
    projectPartyCandidate(vatNumber: $vatNumber) {
      organisationId
      name
      city
    }
  }
`);

export const CreateProjectCertificate = graphql(`
  mutation CreateProjectCertificate($input: CreateProjectCertificateInput!) {
    createProjectCertificate(input: $input) {
      id
    }
  }
`);

export const IssueProjectCertificate = graphql(`
  mutation IssueProjectCertificate($projectId: ID!) {
    issueProjectCertificate(projectId: $projectId) {
      id
      state
      issuedAt
    }
  }
`);

export const DistributeProjectCertificate = graphql(`
  mutation DistributeProjectCertificate($projectId: ID!, $target: String!) {
    distributeProjectCertificate(projectId: $projectId, target: $target) {
      id
      target
      distributedAt
    }
  }
`);

export const WithdrawProjectCertificate = graphql(`
  mutation WithdrawProjectCertificate($projectId: ID!, $reason: String!) {
    withdrawProjectCertificate(projectId: $projectId, reason: $reason) {
      id
      state
      withdrawnAt
      withdrawalReason
    }
  }
`);

export const DeleteProjectCertificateDraft = graphql(`
  mutation DeleteProjectCertificateDraft($projectId: ID!) {
    deleteProjectCertificateDraft(projectId: $projectId)
  }
`);

/** The longest reason for a withdrawal the API takes. */
export const WITHDRAWAL_REASON_MAX = 500;

export const NameProjectContact = graphql(`
  mutation NameProjectContact($projectId: ID!, $role: ProjectPartyRole!, $userId: ID!) {
    nameProjectContact(projectId: $projectId, role: $role, userId: $userId) {
      id
    }
  }
`);

export const ProjectColleagues = graphql(`
  query ProjectColleagues {
    managedUsers {
      id
      firstName
      lastName
      status
    }
  }
`);

/** The screens' own sentences for the project certificates' refusals, keyed by reason. */
export const PROJECT_REASONS = ['PROJECT_NOT_FOUND', 'PROJECT_PARTIES_INVALID', 'PROJECT_PARTY_NOT_FOUND', 'HOLDER_NOT_FOUND', 'PROJECT_TRANSITION_INVALID', 'PROJECT_CONTACT_MISSING', 'PROJECT_PARTY_NOT_YOURS', 'CONTACT_NOT_ELIGIBLE', 'CONTACT_PERSON_NOT_FOUND'] as const;
