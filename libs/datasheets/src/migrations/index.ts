import { Datasheets1766200000000 } from './1766200000000-datasheets';

export const DATASHEETS_MIGRATIONS = [Datasheets1766200000000];
