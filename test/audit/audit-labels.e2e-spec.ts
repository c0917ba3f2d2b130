import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPLICATION_STEPS } from '@chancery/certificates/application-workflow';
import { auditActionKey } from '../../apps/web/src/features/staff/audit-labels';
import de from '../../apps/web/src/i18n/locales/portal/de';
import en from '../../apps/web/src/i18n/locales/portal/en';
import fr from '../../apps/web/src/i18n/locales/portal/fr';
import nl from '../../apps/web/src/i18n/locales/portal/nl';

// The audit screen shows each entry's action and the kind of record in words (AuditLogPage), falling back
// to the code. The actions and record kinds are read from the source, from every call of AuditLog.record:
// an action recorded without words in the four languages fails here.
const ROOT = join(__dirname, '..', '..');
const ACTION = /^[a-z][A-Za-z0-9_]*(\.[a-z][A-Za-z0-9_]*)+$/;

/** The actions built at run time, by their template in the source: what they can become. */
const TEMPLATES: Record<string, readonly string[]> = {
  // ApplicationsService.transition: a claim released, else the state a step moved the application to.
  "certificates.application.${released ? 'released' : to.toLowerCase()}": [
    'certificates.application.released',
    ...Object.values(APPLICATION_STEPS).map((step) => `certificates.application.${step.to.toLowerCase()}`),
  ],
  // DatasheetsService: the state each step moves a version to (its TARGET).
  'datasheets.version.${TARGET[step].toLowerCase()}': ['draft', 'submitted', 'approved', 'changes_requested', 'published'].map((state) => `datasheets.version.${state}`),
  // SupportAccessService.decide.
  'privacy.supportGrant.${outcome}': ['privacy.supportGrant.approved', 'privacy.supportGrant.refused'],
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every action and subject type the server's code records, and what in it could not be read. */
function recorded(): { actions: Set<string>; subjectTypes: Set<string>; unread: string[] } {
  const actions = new Set<string>();
  const subjectTypes = new Set<string>();
  const unread: string[] = [];
  for (const file of ['libs', 'apps/api/src', 'apps/worker/src'].flatMap((directory) => sourceFiles(join(ROOT, directory)))) {
    const source = readFileSync(file, 'utf8');
    if (!/\baudit\w*\.record\(/.test(source)) continue;
    for (const [, expression] of source.matchAll(/\baction:\s*([^\n]*)/g)) {
      const literals = [...expression!.matchAll(/'([^']*)'/g)].map((match) => match[1]!).filter((text) => ACTION.test(text));
      const templates = [...expression!.matchAll(/`([^`]*)`/g)].map((match) => match[1]!);
      literals.forEach((action) => actions.add(action));
      for (const template of templates) {
        if (TEMPLATES[template]) TEMPLATES[template].forEach((action) => actions.add(action));
        else unread.push(`${relative(ROOT, file)}: an action built as \`${template}\` (add what it can become to TEMPLATES)`);
      }
      if (literals.length === 0 && templates.length === 0) unread.push(`${relative(ROOT, file)}: action: ${expression!.trim()}`);
    }
    for (const [, type] of source.matchAll(/\bsubjectType:\s*(?:\w+\s*\?\s*)?'([A-Z]\w*)'/g)) subjectTypes.add(type!);
  }
  return { actions, subjectTypes, unread };
}

describe('the audit log in words', () => {
  const { actions, subjectTypes, unread } = recorded();

  it('reads every action the server records from its source', () => {
    expect(unread).toEqual([]);
    expect(actions.size).toBeGreaterThan(100);
    expect([...actions]).toEqual(expect.arrayContaining(['auth.login.succeeded', 'datasheets.contact.released', 'certificates.application.in_review', 'privacy.supportGrant.refused']));
    expect([...subjectTypes]).toEqual(expect.arrayContaining(['User', 'CertificateApplication', 'SupportGrant']));
  });

  it.each(Object.entries({ en, nl, fr, de }))('names every action and kind of record in %s', (_language, messages) => {
    const actionWords = messages.auditActions as Record<string, string>;
    const typeWords = messages.recordTypes as Record<string, string>;
    expect([...actions].filter((action) => !actionWords[auditActionKey(action)]?.trim()).sort()).toEqual([]);
    expect([...subjectTypes].filter((type) => !typeWords[type]?.trim()).sort()).toEqual([]);
  });
});
