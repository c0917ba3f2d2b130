import { defineErrors, ErrorCode } from '@chancery/core';

/** What the datasheets context refuses, each reason with its category (docs/errors.md lists them). */
export const DatasheetsErrors = defineErrors('datasheets', {
  NOT_A_CERTIFICATION_BODY: [ErrorCode.FORBIDDEN, 'Certified products and datasheets exist only in a certification body’s space.'],
  HOLDER_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such company in the tenant.'],
  CERTIFICATE_REFERENCE_TAKEN: [ErrorCode.CONFLICT, 'Another certified product of the tenant has this certificate reference.'],
  PRODUCT_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such certified product, or not one the caller may see.'],
  PRODUCT_NOT_ACTIVE: [ErrorCode.CONFLICT, 'The certified product is not ACTIVE (suspended, withdrawn or expired): its datasheet cannot be completed or published.'],
  DATASHEET_EXISTS: [ErrorCode.CONFLICT, 'The product already has a datasheet: start a new version of it.'],
  DATASHEET_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such datasheet, or not one the caller may see.'],
  VERSION_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such datasheet version, or not one the caller may see.'],
  OPEN_VERSION_EXISTS: [ErrorCode.CONFLICT, 'The datasheet already has a version in the works (draft, submitted, changes requested or approved).'],
  DATASHEET_TRANSITION_INVALID: [ErrorCode.CONFLICT, 'The version is not in a state that allows this step; `details.from` and `details.to` name both states.'],
  DATASHEET_NOT_PUBLISHED: [ErrorCode.CONFLICT, 'The datasheet has no published version.'],
  INVALID_CHARACTERISTICS: [ErrorCode.BAD_USER_INPUT, "The technical characteristics are not a JSON object valid against the product family's schema; `fields` lists each problem."],
  INVALID_SCHEMA: [ErrorCode.BAD_USER_INPUT, 'The product family schema is not a valid JSON Schema.'],
  PRODUCT_FAMILY_SCHEMA_MISSING: [ErrorCode.CONFLICT, 'The tenant keeps no schema for the product family yet: a datasheet of it cannot be submitted.'],
  DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED: [ErrorCode.BAD_USER_INPUT, "Taking ORG_ADMIN or ORG_MEMBER in a certification body's space, or completing a datasheet, requires acknowledging the current contact-disclosure notice (COPRO §5b)."],
  NOTICE_VERSION_OUTDATED: [ErrorCode.BAD_USER_INPUT, 'The notice version is not the current one (contactDisclosureNotice).'],
  CONTACT_PERSON_NOT_FOUND: [ErrorCode.NOT_FOUND, 'No such person in the company of the datasheet.'],
  CONTACT_NOT_ELIGIBLE: [ErrorCode.BAD_USER_INPUT, "The colleague named as contact is not active, holds no organisation role, or has not acknowledged the disclosure notice."],
  ID_OR_CODE_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'Give either the public id or the short code of the datasheet, not both.'],
  DATASHEET_PAGE_TOO_LARGE: [ErrorCode.BAD_USER_INPUT, 'At most 100 datasheets per page.'],
  DATASHEET_CURSOR_INVALID: [ErrorCode.BAD_USER_INPUT, 'The cursor is not one this API gave.'],
});
