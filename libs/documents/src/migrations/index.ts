import { Documents1766100000000 } from './1766100000000-documents';

export const DOCUMENTS_MIGRATIONS = [Documents1766100000000];
