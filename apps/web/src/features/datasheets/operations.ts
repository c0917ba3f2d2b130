import { graphql } from '../../gql';

// Organisation users read their company's products and datasheets, staff their tenant's: every field
// of these types is visible to both (docs/visibility-matrix.md), so one set of operations serves both.

export const CertifiedProducts = graphql(`
  query CertifiedProducts {
    certifiedProducts {
      id
      organisationId
      name
      productFamily
      certificateReference
      scheme
      productionUnit
      status
      statusChangedAt
      createdAt
    }
  }
`);

export const Datasheets = graphql(`
  query Datasheets {
    datasheets {
      id
      certifiedProductId
      organisationId
      publicCode
      contactUserId
      contactReplacementRequired
      contactReplacementDeadline
      createdAt
    }
  }
`);

export const ProductFamilySchemas = graphql(`
  query ProductFamilySchemas {
    productFamilySchemas {
      id
      family
      version
      jsonSchema
      updatedAt
    }
  }
`);

export const DatasheetVersions = graphql(`
  query DatasheetVersions($datasheetId: ID!) {
    datasheetVersions(datasheetId: $datasheetId) {
      id
      datasheetId
      number
      state
      characteristics
      texts {
        language
        title
        description
      }
      attachments {
        id
        title
        language
        fileName
        mediaType
        sizeBytes
        sha256
      }
      completedBy
      reviewComment
      createdAt
      updatedAt
      submittedAt
      approvedAt
      publishedAt
      supersededAt
      unpublishedAt
    }
  }
`);
