import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError, type FieldProblem } from '../../api/errors';
import type { ApplicationFieldsFragment, GoodsLineInput } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { Notice } from '../../ui/feedback';
import { Form } from '../../ui/Form';
import { ChoiceGroup, FieldShell, SelectField, TextField } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';
import { tradeCountries } from './countries';
import { CERTIFICATE_LANGUAGES, CreateCertificateApplication, RemoveSavedConsignee, SaveConsignee, SavedConsignees, SubmitCertificateApplication, UpdateCertificateApplication } from './operations';
import { parseTypedNumber } from '../../ui/typed-values';

/** A goods line as typed: text, so a half-typed number stays what the user typed. */
interface GoodsLineDraft {
  key: number;
  description: string;
  hsCode: string;
  quantity: string;
  unit: string;
  grossWeightKg: string;
  netWeightKg: string;
  packages: string;
  marksAndNumbers: string;
}

let nextKey = 1;
const emptyLine = (): GoodsLineDraft => ({ key: nextKey++, description: '', hsCode: '', quantity: '', unit: '', grossWeightKg: '', netWeightKg: '', packages: '', marksAndNumbers: '' });


/**
 * The application as the company fills it in: consignee (or a saved one), origin and transport,
 * goods lines added and removed, invoices, remarks, language and the exporter's declaration. Saves
 * the draft, or saves and submits; the API's refusals are shown beside the fields they name. Without
 * an application it makes a new draft (the API needs its consignee, origin and language first).
 */
export function ApplicationForm({
  application,
  onSaved,
  onSubmitted,
  onCreated,
}: {
  application: ApplicationFieldsFragment | null;
  onSaved?: (updated: ApplicationFieldsFragment) => void;
  onSubmitted?: () => void;
  onCreated?: (applicationId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = useMemo(() => tradeCountries(format), [format]);
  const saved = useLoad(() => request(SavedConsignees));
  const [consigneeName, setConsigneeName] = useState(application?.consigneeName ?? '');
  const [consigneeAddress, setConsigneeAddress] = useState(application?.consigneeAddress ?? '');
  const [consigneeCountry, setConsigneeCountry] = useState(application?.consigneeCountry ?? '');
  const [keepConsignee, setKeepConsignee] = useState(false);
  const [savedConsignee, setSavedConsignee] = useState('');
  const [countryOfOrigin, setCountryOfOrigin] = useState(application?.countryOfOrigin ?? 'BE');
  const [transportDetails, setTransportDetails] = useState(application?.transportDetails ?? '');
  const [lines, setLines] = useState<GoodsLineDraft[]>(() =>
    (application?.goods ?? []).map((line) => ({
      key: nextKey++,
      description: line.description,
      hsCode: line.hsCode,
      quantity: String(line.quantity),
      unit: line.unit,
      grossWeightKg: String(line.grossWeightKg),
      netWeightKg: String(line.netWeightKg),
      packages: String(line.packages),
      marksAndNumbers: line.marksAndNumbers,
    })),
  );
  const [invoices, setInvoices] = useState((application?.invoiceReferences ?? []).join('\n'));
  const [remarks, setRemarks] = useState(application?.remarks ?? '');
  // Sent back for changes: the company answers the chamber here, with the resubmission (never in the remarks, which the certificate prints).
  const answersChangeRequest = application?.state === 'CHANGES_REQUESTED';
  const [reply, setReply] = useState('');
  // A new certificate in the reader's language, unless they choose another.
  const [language, setLanguage] = useState<string>(application?.language ?? format.language.toUpperCase());
  const [declaration, setDeclaration] = useState(Boolean(application?.declarationAccepted));
  const [notice, setNotice] = useState<string | null>(null);

  const chooseSaved = (id: string) => {
    setSavedConsignee(id);
    const consignee = saved.data?.savedConsignees.find((c) => c.id === id);
    if (!consignee) return;
    setConsigneeName(consignee.name ?? '');
    setConsigneeAddress(consignee.address ?? '');
    setConsigneeCountry(consignee.country ?? '');
  };
  // A saved consignee is the company's address book entry (often a person's name and address): it goes when the company removes it.
  const forget = useAction(async () => {
    const consignee = saved.data?.savedConsignees.find((c) => c.id === savedConsignee);
    if (!consignee?.id) return;
    await request(RemoveSavedConsignee, { consigneeId: consignee.id });
    setSavedConsignee('');
    saved.reload();
    setNotice(t('certificates.form.savedConsigneeRemoved', { name: consignee.name ?? '' }));
  });
  const updateLine = (key: number, field: keyof Omit<GoodsLineDraft, 'key'>, value: string) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, [field]: value } : line)));

  /** The lines as the API takes them; a number that does not parse is refused here, beside its input. */
  const goodsInput = (): GoodsLineInput[] => {
    const problems: FieldProblem[] = [];
    const goods = lines.map((line, index) => {
      const number = (field: 'quantity' | 'grossWeightKg' | 'netWeightKg' | 'packages') => {
        const value = parseTypedNumber(line[field]);
        if (Number.isNaN(value)) problems.push({ field: `input.goods.${index}.${field}`, reason: 'not a number', constraint: field === 'packages' ? 'isInt' : 'isNumber' });
        return value;
      };
      return {
        description: line.description.trim(),
        hsCode: line.hsCode.replace(/[\s.]/g, ''),
        quantity: number('quantity'),
        unit: line.unit.trim(),
        grossWeightKg: number('grossWeightKg'),
        netWeightKg: number('netWeightKg'),
        packages: number('packages'),
        marksAndNumbers: line.marksAndNumbers.trim(),
      };
    });
    if (problems.length) throw clientError(problems);
    return goods;
  };

  /** Saves the form; answers the saved application, or null when a new draft was made (onCreated has it). */
  const save = async (): Promise<ApplicationFieldsFragment | null> => {
    const goods = goodsInput();
    const consigneeGiven = consigneeName.trim() || consigneeAddress.trim() || consigneeCountry;
    const consignee = consigneeGiven ? { name: consigneeName.trim(), address: consigneeAddress.trim(), country: consigneeCountry } : undefined;
    const content = {
      consignee,
      countryOfOrigin: countryOfOrigin || undefined,
      transportDetails: transportDetails.trim(),
      goods,
      invoiceReferences: invoices.split('\n').map((line) => line.trim()).filter(Boolean),
      remarks: remarks.trim(),
      language,
      declarationAccepted: declaration,
    };
    const keep = async () => {
      if (!keepConsignee || !consignee) return;
      await request(SaveConsignee, { input: consignee });
      setKeepConsignee(false);
      saved.reload();
    };
    if (!application) {
      const created = await request(CreateCertificateApplication, { input: content });
      await keep();
      if (created.createCertificateApplication.id) onCreated?.(created.createCertificateApplication.id);
      return null;
    }
    const data = await request(UpdateCertificateApplication, { input: { applicationId: application.id ?? '', ...content } });
    await keep();
    onSaved?.(data.updateCertificateApplication);
    return data.updateCertificateApplication;
  };
  const saveDraft = useAction(async () => {
    setNotice(null);
    submit.setError(null);
    await save();
    setNotice(keepConsignee ? `${t('certificates.form.saved')} ${t('certificates.form.consigneeSaved')}` : t('certificates.form.saved'));
  });
  const submit = useAction(async () => {
    setNotice(null);
    saveDraft.setError(null);
    const current = await save();
    if (!current?.id) return;
    await request(SubmitCertificateApplication, { applicationId: current.id, reply: answersChangeRequest ? reply.trim() || undefined : undefined });
    onSubmitted?.();
  });
  const error = submit.error ?? saveDraft.error ?? forget.error;
  const pending = submit.pending || saveDraft.pending;
  const savedOptions = saved.data?.savedConsignees ?? [];

  return (
    <Form error={error} onSubmit={() => void (application ? submit.run() : saveDraft.run())} aria-labelledby="application-form-title">
      <h2 id="application-form-title" className="visually-hidden">
        {t('certificates.form.titleNew')}
      </h2>
      <fieldset className="form-section" id="field-input-consignee" tabIndex={-1}>
        <legend>{t('certificates.form.consignee')}</legend>
        {savedOptions.length > 0 ? (
          <SelectField
            name="savedConsignee"
            label={t('certificates.form.savedConsignee')}
            hint={t('certificates.form.savedConsigneeHint')}
            value={savedConsignee}
            onValue={chooseSaved}
            options={[{ value: '', label: t('certificates.form.noSavedConsignee') }, ...savedOptions.map((c) => ({ value: c.id ?? '', label: `${c.name ?? ''} (${format.country(c.country)})` }))]}
          />
        ) : null}
        {savedConsignee ? (
          <div className="button-row">
            <button type="button" className="button button--secondary" disabled={forget.pending} onClick={() => void forget.run()}>
              {t('certificates.form.removeSavedConsignee')}
            </button>
          </div>
        ) : null}
        <TextField name="input.consignee.name" label={t('certificates.form.consigneeName')} value={consigneeName} onValue={setConsigneeName} autoComplete="off" />
        <FieldShell name="input.consignee.address" label={t('certificates.form.consigneeAddress')}>
          {(a11y) => <textarea {...a11y} rows={3} value={consigneeAddress} onChange={(event) => setConsigneeAddress(event.target.value)} />}
        </FieldShell>
        <SelectField
          name="input.consignee.country"
          label={t('certificates.form.consigneeCountry')}
          value={consigneeCountry}
          onValue={setConsigneeCountry}
          options={[{ value: '', label: '—' }, ...countries]}
        />
        <div className="choice">
          <input type="checkbox" id="keep-consignee" checked={keepConsignee} onChange={(event) => setKeepConsignee(event.target.checked)} />
          <label htmlFor="keep-consignee">{t('certificates.form.saveConsignee')}</label>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('certificates.form.shipment')}</legend>
        <SelectField name="input.countryOfOrigin" label={t('certificates.form.countryOfOrigin')} value={countryOfOrigin} onValue={setCountryOfOrigin} options={countries} />
        <FieldShell name="input.transportDetails" label={t('certificates.form.transportDetails')} hint={t('certificates.form.transportDetailsHint')} optional>
          {(a11y) => <textarea {...a11y} rows={2} value={transportDetails} onChange={(event) => setTransportDetails(event.target.value)} />}
        </FieldShell>
      </fieldset>
      <fieldset className="form-section" id="field-input-goods" tabIndex={-1}>
        <legend>{t('certificates.form.goods')}</legend>
        {lines.length === 0 ? <p>{t('certificates.form.noLines')}</p> : null}
        {lines.map((line, index) => {
          const path = `input.goods.${index}`;
          const label = t('certificates.form.goodsLine', { index: index + 1 });
          return (
            <fieldset key={line.key} className="goods-line">
              <legend>{label}</legend>
              <TextField name={`${path}.description`} label={t('certificates.form.description')} value={line.description} onValue={(v) => updateLine(line.key, 'description', v)} />
              <div className="field-row">
                <TextField name={`${path}.hsCode`} label={t('certificates.form.hsCode')} hint={t('certificates.form.hsCodeHint')} inputMode="numeric" value={line.hsCode} onValue={(v) => updateLine(line.key, 'hsCode', v)} />
                <TextField name={`${path}.quantity`} label={t('certificates.form.quantity')} inputMode="decimal" value={line.quantity} onValue={(v) => updateLine(line.key, 'quantity', v)} />
                <TextField name={`${path}.unit`} label={t('certificates.form.unit')} hint={t('certificates.form.unitHint')} value={line.unit} onValue={(v) => updateLine(line.key, 'unit', v)} />
              </div>
              <div className="field-row">
                <TextField name={`${path}.grossWeightKg`} label={t('certificates.form.grossWeightKg')} inputMode="decimal" value={line.grossWeightKg} onValue={(v) => updateLine(line.key, 'grossWeightKg', v)} />
                <TextField name={`${path}.netWeightKg`} label={t('certificates.form.netWeightKg')} inputMode="decimal" value={line.netWeightKg} onValue={(v) => updateLine(line.key, 'netWeightKg', v)} />
                <TextField name={`${path}.packages`} label={t('certificates.form.packages')} inputMode="numeric" value={line.packages} onValue={(v) => updateLine(line.key, 'packages', v)} />
              </div>
              <TextField name={`${path}.marksAndNumbers`} label={t('certificates.form.marksAndNumbers')} optional value={line.marksAndNumbers} onValue={(v) => updateLine(line.key, 'marksAndNumbers', v)} />
              <button type="button" className="button button--secondary button--small" onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}>
                {t('certificates.form.removeLine', { index: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button button--secondary" onClick={() => setLines((current) => [...current, emptyLine()])}>
          {t('certificates.form.addLine')}
        </button>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('certificates.form.invoices')}</legend>
        <FieldShell name="input.invoiceReferences" label={t('certificates.form.invoiceReferences')} hint={t('certificates.form.invoiceReferencesHint')} optional>
          {(a11y) => <textarea {...a11y} rows={2} value={invoices} onChange={(event) => setInvoices(event.target.value)} />}
        </FieldShell>
        <FieldShell name="input.remarks" label={t('certificates.form.remarks')} hint={t('certificates.form.remarksHint')} optional>
          {(a11y) => <textarea {...a11y} rows={3} value={remarks} onChange={(event) => setRemarks(event.target.value)} />}
        </FieldShell>
        <SelectField
          name="input.language"
          label={t('certificates.form.language')}
          value={language}
          onValue={setLanguage}
          options={CERTIFICATE_LANGUAGES.map((code) => ({ value: code, label: t(`certificates.languages.${code}`) }))}
        />
      </fieldset>
      {answersChangeRequest ? (
        <fieldset className="form-section">
          <legend>{t('certificates.form.replySection')}</legend>
          <FieldShell name="reply" label={t('certificates.form.reply')} hint={t('certificates.form.replyHint')}>
            {(a11y) => <textarea {...a11y} rows={3} value={reply} onChange={(event) => setReply(event.target.value)} />}
          </FieldShell>
        </fieldset>
      ) : null}
      <ChoiceGroup
        name="input.declarationAccepted"
        legend={t('certificates.form.declaration')}
        type="checkbox"
        options={[{ value: 'accepted', label: t('certificates.form.declarationText') }]}
        selected={declaration ? ['accepted'] : []}
        onChange={(selected) => setDeclaration(selected.includes('accepted'))}
      />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <div className="button-row">
        {application ? (
          <>
            <button type="submit" className="button" disabled={pending}>
              {submit.pending ? t('certificates.form.submitting') : t('certificates.form.submit')}
            </button>
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => void saveDraft.run()}>
              {saveDraft.pending ? t('common.saving') : t('certificates.form.saveDraft')}
            </button>
          </>
        ) : (
          <button type="submit" className="button" disabled={pending}>
            {saveDraft.pending ? t('common.saving') : t('certificates.form.saveDraft')}
          </button>
        )}
      </div>
    </Form>
  );
}
