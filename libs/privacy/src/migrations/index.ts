import { PersonalDataAccessLog1765000000500 } from './1765000000500-personal-data-access-log';
import { PrivacyOffice1766400000000 } from './1766400000000-privacy-office';

export const PRIVACY_MIGRATIONS = [PersonalDataAccessLog1765000000500, PrivacyOffice1766400000000];
