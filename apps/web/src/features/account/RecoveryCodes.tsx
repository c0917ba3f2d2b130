import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { CopyButton } from '../../ui/CopyButton';
import { downloadText } from '../../ui/download';
import { ErrorSummary, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';

const MyRecoveryCodes = graphql(`
  query MyRecoveryCodes {
    myRecoveryCodes {
      remaining
      generatedAt
    }
  }
`);

const RegenerateRecoveryCodes = graphql(`
  mutation RegenerateRecoveryCodes($totpCode: String!) {
    regenerateRecoveryCodes(totpCode: $totpCode) {
      codes
      generatedAt
    }
  }
`);

/** Below this many unused codes, the screen suggests making new ones. */
const FEW_LEFT = 3;

/**
 * Recovery codes just made, shown this once: copy, download as a text file, and a confirmation that
 * they were stored before the screen moves on (the server keeps only their hashes).
 */
export function RecoveryCodesPanel({ codes, generatedAt, onStored }: { codes: string[]; generatedAt: string; onStored: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [stored, setStored] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [codes]);
  const text = `${t('secondFactor.downloadHeading', { date: format.dateTime(generatedAt) })}\n\n${codes.join('\n')}\n`;
  return (
    <section className="secret-panel" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t('secondFactor.codesTitle')}
      </h2>
      <p className="secret-panel__warning">
        <strong>{t('secondFactor.codesLead')}</strong>
      </p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton value={codes.join('\n')} label={t('secondFactor.copy')} />
        <button type="button" className="button button--secondary" onClick={() => downloadText(text, 'chancery-recovery-codes.txt', 'text/plain')}>
          {t('secondFactor.download')}
        </button>
      </div>
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} /> {t('secondFactor.stored')}
        </label>
      </div>
      <button type="button" className="button" disabled={!stored} onClick={onStored}>
        {t('secondFactor.continue')}
      </button>
    </section>
  );
}

/**
 * The account security screen's recovery codes: how many are left (never the codes), and new ones
 * made with a current code of the app (for accounts enrolled before recovery codes existed, the first).
 */
export function RecoveryCodesSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useLoad(() => request(MyRecoveryCodes));
  const [code, setCode] = useState('');
  const [fresh, setFresh] = useState<{ codes: string[]; generatedAt: string } | null>(null);
  const regenerate = useAction(async () => {
    const data = await request(RegenerateRecoveryCodes, { totpCode: code.replace(/\s/g, '') });
    setCode('');
    setFresh(data.regenerateRecoveryCodes);
  });

  if (fresh) {
    return (
      <RecoveryCodesPanel
        codes={fresh.codes}
        generatedAt={fresh.generatedAt}
        onStored={() => {
          setFresh(null);
          status.reload();
        }}
      />
    );
  }
  const current = status.data?.myRecoveryCodes;
  return (
    <section aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('secondFactor.recoveryTitle')}</h2>
      <ErrorSummary error={status.error} />
      {current && current.generatedAt ? (
        <p data-testid="recovery-remaining">{t('secondFactor.recoveryRemaining', { count: current.remaining, date: format.dateTime(current.generatedAt) })}</p>
      ) : null}
      {current && !current.generatedAt ? <Notice kind="warning">{t('secondFactor.recoveryNone')}</Notice> : null}
      {current && current.generatedAt && current.remaining <= FEW_LEFT ? <Notice kind="warning">{t('secondFactor.recoveryLow')}</Notice> : null}
      {current ? (
        <Form error={regenerate.error} onSubmit={() => void regenerate.run()}>
          <TextField
            name="totpCode"
            label={t('secondFactor.code')}
            hint={t('secondFactor.regenerateHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onValue={setCode}
          />
          <SubmitButton pending={regenerate.pending} pendingLabel={t('common.checking')}>
            {current.generatedAt ? t('secondFactor.regenerate') : t('secondFactor.generate')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
