import { Datasheets1766200000000 } from './1766200000000-datasheets';
import { ProjectCertificates1767100000000 } from './1767100000000-project-certificates';
import { DatasheetAttachments1767300000200 } from './1767300000200-datasheet-attachments';
import { DatasheetRecordRetention1767500000100 } from './1767500000100-datasheet-record-retention';
import { DisclosureRoleEnd1767510000300 } from './1767510000300-disclosure-role-end';
import { ProjectDistributionRetention1767530000000 } from './1767530000000-project-distribution-retention';
import { PublishedDatasheetHistory1767580000000 } from './1767580000000-published-datasheet-history';
import { DatasheetListPages1767590000200 } from './1767590000200-datasheet-list-pages';
import { ProductNameOrder1767600000100 } from './1767600000100-product-name-order';
import { DisclosureObjectionKept1767610000100 } from './1767610000100-disclosure-objection-kept';
import { DisclosureAcknowledgementHolders1767610000200 } from './1767610000200-disclosure-acknowledgement-holders';
import { PublishedSearchCovering1767640000000 } from './1767640000000-published-search-covering';
import { CertifiedProductSearchCovering1767640000100 } from './1767640000100-certified-product-search-covering';
import { PublishedSearchFolded1767650000000, PublishedSearchFoldedVacuum1767650000100 } from './1767650000000-published-search-folded';
import { CertifiedProductSearchFolded1767650000200, CertifiedProductSearchFoldedVacuum1767650000300 } from './1767650000200-certified-product-search-folded';
import { PublishedFamilySchemas1767660000000 } from './1767660000000-published-family-schemas';
import { WithdrawnDatasheets1767670000000 } from './1767670000000-withdrawn-datasheets';

export const DATASHEETS_MIGRATIONS = [Datasheets1766200000000, ProjectCertificates1767100000000, DatasheetAttachments1767300000200, DatasheetRecordRetention1767500000100, DisclosureRoleEnd1767510000300, ProjectDistributionRetention1767530000000, PublishedDatasheetHistory1767580000000, DatasheetListPages1767590000200, ProductNameOrder1767600000100, DisclosureObjectionKept1767610000100, DisclosureAcknowledgementHolders1767610000200, PublishedSearchCovering1767640000000, CertifiedProductSearchCovering1767640000100, PublishedSearchFolded1767650000000, PublishedSearchFoldedVacuum1767650000100, CertifiedProductSearchFolded1767650000200, CertifiedProductSearchFoldedVacuum1767650000300, PublishedFamilySchemas1767660000000, WithdrawnDatasheets1767670000000];
