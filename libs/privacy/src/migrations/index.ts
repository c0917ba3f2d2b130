import { PersonalDataAccessLog1765000000500 } from './1765000000500-personal-data-access-log';

export const PRIVACY_MIGRATIONS = [PersonalDataAccessLog1765000000500];
