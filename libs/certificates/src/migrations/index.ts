import { Certificates1766100000100 } from './1766100000100-certificates';
import { CertificatePdfQueue1767200000000 } from './1767200000000-certificate-pdf-queue';
import { PdfQueueScope1767250000000 } from './1767250000000-pdf-queue-scope';
import { CertificateFileRetention1767500000000 } from './1767500000000-certificate-file-retention';

export const CERTIFICATES_MIGRATIONS = [Certificates1766100000100, CertificatePdfQueue1767200000000, PdfQueueScope1767250000000, CertificateFileRetention1767500000000];
