import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** The fields of a goods line the tables show: an application's, or the ones a verification certified. */
export interface ShownGoodsLine {
  description: string;
  hsCode: string;
  quantity: number;
  unit: string;
  grossWeightKg: number;
  netWeightKg: number;
  packages: number;
  marksAndNumbers: string;
}

/** Goods lines as printed on the certificate: description, HS code, quantity with its unit, weights, packages, marks. */
export function GoodsTable({ goods, caption }: { goods: readonly ShownGoodsLine[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('certificates.form.description')}</th>
            <th scope="col">{t('certificates.form.hsCode')}</th>
            <th scope="col" className="numeric">{t('certificates.form.quantity')}</th>
            <th scope="col" className="numeric">{t('certificates.form.grossWeightKg')}</th>
            <th scope="col" className="numeric">{t('certificates.form.netWeightKg')}</th>
            <th scope="col" className="numeric">{t('certificates.form.packages')}</th>
            <th scope="col">{t('certificates.form.marksAndNumbers')}</th>
          </tr>
        </thead>
        <tbody>
          {goods.map((line, index) => (
            <tr key={index}>
              <th scope="row">{line.description}</th>
              <td>{line.hsCode}</td>
              <td className="numeric">
                {format.number(line.quantity)} {line.unit}
              </td>
              <td className="numeric">{format.number(line.grossWeightKg)}</td>
              <td className="numeric">{format.number(line.netWeightKg)}</td>
              <td className="numeric">{format.number(line.packages)}</td>
              <td>{line.marksAndNumbers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
