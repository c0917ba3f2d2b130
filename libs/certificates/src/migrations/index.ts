import { Certificates1766100000100 } from './1766100000100-certificates';
import { CertificatePdfQueue1767200000000 } from './1767200000000-certificate-pdf-queue';
import { PdfQueueScope1767250000000 } from './1767250000000-pdf-queue-scope';
import { CertificateFileRetention1767500000000 } from './1767500000000-certificate-file-retention';
import { PdfRetries1767540000000 } from './1767540000000-pdf-retries';
import { NumberPrefixPerChamber1767560000000 } from './1767560000000-number-prefix-per-chamber';
import { ReplacementLookup1767570000000 } from './1767570000000-replacement-lookup';
import { ChamberQueueOrder1767590000000 } from './1767590000000-chamber-queue-order';
import { CertificateListOrder1767590000100 } from './1767590000100-certificate-list-order';
import { DestroyedPdfLookup1767600000400 } from './1767600000400-destroyed-pdf-lookup';
import { ExporterAsSubmitted1767610000000 } from './1767610000000-exporter-as-submitted';
import { ApplicationWithdrawn1767620000000 } from './1767620000000-application-withdrawn';
import { ChamberHandledWithdrawn1767620000100 } from './1767620000100-chamber-handled-withdrawn';
import { CompanyReply1767840000000 } from './1767840000000-company-reply';

export const CERTIFICATES_MIGRATIONS = [Certificates1766100000100, CertificatePdfQueue1767200000000, PdfQueueScope1767250000000, CertificateFileRetention1767500000000, PdfRetries1767540000000, NumberPrefixPerChamber1767560000000, ReplacementLookup1767570000000, ChamberQueueOrder1767590000000, CertificateListOrder1767590000100, DestroyedPdfLookup1767600000400, ExporterAsSubmitted1767610000000, ApplicationWithdrawn1767620000000, ChamberHandledWithdrawn1767620000100, CompanyReply1767840000000];
