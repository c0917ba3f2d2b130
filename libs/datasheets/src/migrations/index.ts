import { Datasheets1766200000000 } from './1766200000000-datasheets';
import { ProjectCertificates1767100000000 } from './1767100000000-project-certificates';

export const DATASHEETS_MIGRATIONS = [Datasheets1766200000000, ProjectCertificates1767100000000];
