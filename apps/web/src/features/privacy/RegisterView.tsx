import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { categoryName } from './shared';

/** The register's JSON form, as libs/privacy (`ProcessingRegister` in register/processing-register.ts) writes it. */
export interface RegisterParty {
  name: string;
  legalEntityNumber?: string;
  address?: string;
  email?: string | null;
  phone?: string | null;
  privacyContact: string;
}

interface RegisterSubProcessor {
  name: string;
  service: string;
  location: string;
  transferSafeguard: string | null;
  dataCategories: readonly string[];
  engagedBy: 'platform' | 'tenant';
}

interface RegisterActivity {
  name: string;
  source: 'declared' | 'tenant';
  purpose: string;
  legalBases: string[];
  /** `personalData` in the register's words; `personalDataCodes`, the same categories by code, shown in the reader's language. */
  categories: { dataSubjects: string[]; personalData: string[]; personalDataCodes: string[] };
  recipients: string[];
  transfers: string;
  retention: string[];
  securityMeasures: string[];
}

export interface RegisterDocument {
  register: 'controller' | 'processor';
  article: string;
  controller?: RegisterParty;
  processor?: RegisterParty;
  controllers?: RegisterParty[];
  subProcessors: RegisterSubProcessor[];
  activities: RegisterActivity[];
}

/** A retention line reads `RULE_KEY: how long`; the rule by its name in the reader's language, the period as written. */
function splitRetention(line: string): { rule: string | null; text: string } {
  const match = /^([A-Z][A-Z_]+): (.+)$/s.exec(line);
  const rule = match ? translateDynamic(`retentionSchedule.rules.${match[1]}`) : null;
  return rule && match ? { rule, text: match[2] } : { rule: null, text: line };
}

/** Reads the JSON form; null when it is not a register (the page then says it could not be shown). */
export function parseRegister(text: string): RegisterDocument | null {
  try {
    const value = JSON.parse(text) as RegisterDocument;
    return value && Array.isArray(value.activities) && Array.isArray(value.subProcessors) ? value : null;
  } catch {
    return null;
  }
}

function Party({ party }: { party: RegisterParty }) {
  const { t } = useTranslation();
  const rows: [string, string | null | undefined][] = [
    [t('registerView.partyName'), party.name],
    [t('registerView.legalEntityNumber'), party.legalEntityNumber],
    [t('registerView.address'), party.address],
    [t('registerView.email'), party.email],
    [t('registerView.phone'), party.phone],
    [t('registerView.privacyContact'), party.privacyContact],
  ];
  return (
    <dl className="details details--wide">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function List({ items }: { items: readonly ReactNode[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="register-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * A register of processing activities on screen, from its JSON form: the parties, the sub-processors and
 * each activity with the items of Art. 30. Labels, legal bases, data categories and retention rules in the
 * reader's language; the sentences the register is kept in (English) as written, which the page says.
 */
export function RegisterView({ register }: { register: RegisterDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const basisName = (code: string) => translateDynamic(`registerEntries.legalBases.${code}`) ?? code;
  return (
    <section aria-labelledby="register-view-title" className="register-view">
      <h2 id="register-view-title">{t('registerView.title')}</h2>
      <p className="notice">{t('registerView.englishNote')}</p>

      {register.controller ? (
        <>
          <h3>{t('registerView.controller')}</h3>
          <Party party={register.controller} />
        </>
      ) : null}
      {register.processor ? (
        <>
          <h3>{t('registerView.processor')}</h3>
          <Party party={register.processor} />
        </>
      ) : null}
      {register.controllers ? (
        <>
          <h3 id="register-controllers-title">{t('registerView.controllers')}</h3>
          {register.controllers.length === 0 ? (
            <p>{t('registerView.noControllers')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="register-controllers-title" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('registerView.partyName')}</th>
                    <th scope="col">{t('registerView.legalEntityNumber')}</th>
                    <th scope="col">{t('registerView.address')}</th>
                    <th scope="col">{t('registerView.email')}</th>
                    <th scope="col">{t('registerView.privacyContact')}</th>
                  </tr>
                </thead>
                <tbody>
                  {register.controllers.map((party, index) => (
                    <tr key={index}>
                      <th scope="row">{party.name}</th>
                      <td>{party.legalEntityNumber}</td>
                      <td>{party.address}</td>
                      <td>{party.email}</td>
                      <td>{party.privacyContact}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      <h3 id="register-sub-processors-title">{t('registerView.subProcessors')}</h3>
      {register.subProcessors.length === 0 ? (
        <p>{t('registerView.noSubProcessors')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="register-sub-processors-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registerView.partyName')}</th>
                <th scope="col">{t('registerView.service')}</th>
                <th scope="col">{t('registerView.location')}</th>
                <th scope="col">{t('registerView.safeguard')}</th>
                <th scope="col">{t('registerView.dataCategories')}</th>
                <th scope="col">{t('registerView.engagedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {register.subProcessors.map((s, index) => (
                <tr key={index}>
                  <th scope="row">{s.name}</th>
                  <td>{s.service}</td>
                  <td>{format.country(s.location)}</td>
                  <td>{s.transferSafeguard ?? '—'}</td>
                  <td>{s.dataCategories.length ? s.dataCategories.map(categoryName).join(', ') : t('registerView.allCategories')}</td>
                  <td>{s.engagedBy === 'tenant' ? t('registerView.engagedByTenant') : t('registerView.engagedByPlatform')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('registerView.activities', { count: register.activities.length })}</h3>
      {register.activities.map((activity, index) => (
        <section key={index} aria-labelledby={`register-activity-${index}`} className="register-activity">
          <h4 id={`register-activity-${index}`}>
            {activity.name}
            {activity.source === 'tenant' ? (
              <>
                {' '}
                <span className="badge badge--info">{t('registerView.ownEntry')}</span>
              </>
            ) : null}
          </h4>
          <dl className="details">
            <div>
              <dt>{t('registerView.legalBases', { count: activity.legalBases.length })}</dt>
              <dd>{activity.legalBases.map(basisName).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('registerView.dataCategories')}</dt>
              <dd>{activity.categories.personalDataCodes.map(categoryName).join(', ')}</dd>
            </div>
          </dl>
          <details>
            <summary>
              {t('registerView.showItems')}
              <span className="visually-hidden">: {activity.name}</span>
            </summary>
            <dl className="details">
              <div>
                <dt>{t('registerView.purpose')}</dt>
                <dd>{activity.purpose}</dd>
              </div>
              <div>
                <dt>{t('registerView.dataSubjects')}</dt>
                <dd>
                  <List items={activity.categories.dataSubjects} />
                </dd>
              </div>
              <div>
                <dt>{t('registerView.recipients')}</dt>
                <dd>
                  <List items={activity.recipients} />
                </dd>
              </div>
              <div>
                <dt>{t('registerView.transfers')}</dt>
                <dd>{activity.transfers}</dd>
              </div>
              <div>
                <dt>{t('registerView.retention')}</dt>
                <dd>
                  <List
                    items={activity.retention.map((line, at) => {
                      const { rule, text } = splitRetention(line);
                      return (
                        <Fragment key={at}>
                          {rule ? <span className="register-rule">{rule}: </span> : null}
                          {text}
                        </Fragment>
                      );
                    })}
                  />
                </dd>
              </div>
              <div>
                <dt>{t('registerView.securityMeasures')}</dt>
                <dd>
                  <List items={activity.securityMeasures} />
                </dd>
              </div>
            </dl>
          </details>
        </section>
      ))}
    </section>
  );
}
