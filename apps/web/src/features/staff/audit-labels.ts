import { translateDynamic } from '../../i18n/errors';

/**
 * The audit log's codes in the reader's language: the action (`datasheets.contact.released`), the kind of
 * record acted on, the keys of the details and those of their values that are codes (a role, a state).
 * Each falls back to the code, so an action added later still shows. test/audit/audit-labels.e2e-spec.ts
 * checks that every action the API records has words in the four languages.
 */

/** The message key of an action: its dots as underscores (i18next reads dots as nesting). */
export function auditActionKey(action: string): string {
  return action.replace(/\./g, '_');
}

export function auditActionLabel(action: string): string {
  return translateDynamic(`auditActions.${auditActionKey(action)}`) ?? action;
}

export function recordTypeName(type: string): string {
  return translateDynamic(`recordTypes.${type}`) ?? type;
}

export function auditDetailLabel(key: string): string {
  return translateDynamic(`auditDetails.${key}`) ?? key;
}

/** Details whose value is a comma-separated list of codes. */
const LISTS = new Set(['roles', 'rolesWithdrawn', 'categories']);

/** Where a detail's coded value has its words, by the detail's key and the entry's action; null: not a code we name. */
function valueMessages(action: string, key: string): string | null {
  switch (key) {
    case 'role':
    case 'roles':
    case 'rolesWithdrawn':
      return 'roles';
    case 'categories':
      return 'dataCategories';
    case 'from':
    case 'to':
      if (action.startsWith('certificates.application.')) return 'certificates.states';
      if (action.startsWith('datasheets.version.')) return 'datasheets.states';
      return null;
    case 'status':
      return action === 'datasheets.product.statusChanged' ? 'datasheets.productStatus' : null;
    case 'reason':
      if (action === 'certificates.certificate.revoked') return 'certificates.revocationReasons';
      return action === 'datasheets.datasheet.unpublished' ? 'datasheets.public.withdrawnReason' : null;
    case 'type':
      return action.startsWith('privacy.request.') ? 'privacyDesk.types' : null;
    case 'unit':
      return 'retentionSchedule.unitNames';
    case 'rule':
      return action === 'privacy.retention.periodSet' ? 'retentionSchedule.rules' : null;
    case 'kind':
      return action === 'privacy.subProcessorChange.announced' ? 'subProcessors.kinds' : null;
    default:
      return null;
  }
}

/** A detail's value: in words where it is a code we name (yes/no, a role, a state), else null (shown as the code). */
export function auditDetailValue(action: string, key: string, value: string): string | null {
  if (value === 'true' || value === 'false' || value === 'none') return translateDynamic(`auditValues.${value}`);
  const messages = valueMessages(action, key);
  if (!messages) return null;
  const codes = LISTS.has(key) ? value.split(',') : [value];
  const words = codes.map((code) => translateDynamic(`${messages}.${code}`));
  return words.every((word) => word !== null) ? words.join(', ') : null;
}
