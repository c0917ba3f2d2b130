import { graphql } from '../../gql';

// Organisation users read their company's products and datasheets, staff their tenant's: every field
// of these types is visible to both (docs/visibility-matrix.md), so one set of operations serves both.

export const CertifiedProducts = graphql(`
  query CertifiedProducts($first: Int, $after: ID, $search: String, $ids: [ID!]) {
    certifiedProducts(first: $first, after: $after, search: $search, ids: $ids) {
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

/** Staff: the certificate holders (companies) by id or by name, to name a product's holder. */
export const Companies = graphql(`
  query Companies($ids: [ID!], $nameContains: String, $first: Int) {
    organisations(ids: $ids, nameContains: $nameContains, first: $first) {
      id
      name
      city
    }
  }
`);

export const Datasheets = graphql(`
  query Datasheets($first: Int, $after: ID, $state: DatasheetState, $certifiedProductIds: [ID!], $contactReplacementRequired: Boolean) {
    datasheets(first: $first, after: $after, state: $state, certifiedProductIds: $certifiedProductIds, contactReplacementRequired: $contactReplacementRequired) {
      id
      certifiedProductId
      organisationId
      publicCode
      contactUserId
      contactReplacementRequired
      contactReplacementDeadline
      contactSuspended
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

export const DatasheetVersionFields = graphql(`
  fragment DatasheetVersionFields on DatasheetVersion {
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
`);

export const DatasheetVersions = graphql(`
  query DatasheetVersions($datasheetId: ID!) {
    datasheetVersions(datasheetId: $datasheetId) {
      ...DatasheetVersionFields
    }
  }
`);

/** The versions of a page of datasheets, in one request. */
export const DatasheetVersionsOf = graphql(`
  query DatasheetVersionsOf($datasheetIds: [ID!]!) {
    datasheetVersionsOf(datasheetIds: $datasheetIds) {
      ...DatasheetVersionFields
    }
  }
`);
