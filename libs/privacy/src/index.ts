export * from './privacy.module';
export * from './access-log/personal-data-access-log.service';
export { PersonalDataAccess } from './access-log/entities/personal-data-access.type';
export { ACCOUNTABLE_ROLES, ENTITIES_NOT_RECORDED, collectPersonalDataPresented } from './access-log/personal-data-reads';
export { PersonalDataExporter, EXPORT_FORMAT } from './export/personal-data-export';
export type { DataSubjectExport } from './export/personal-data-export';
export { DataSubjectRequestType, DataSubjectRequestStatus, DataSubjectRequest } from './requests/entities/data-subject-request.entity';
