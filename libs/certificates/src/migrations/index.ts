import { Certificates1766100000100 } from './1766100000100-certificates';

export const CERTIFICATES_MIGRATIONS = [Certificates1766100000100];
