import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@chancery/access';
import { RequestContext, type Actor } from '@chancery/core';
import {
  CONTACT_DISCLOSURE_NOTICE,
  CertifiedProductStatus,
  CertifiedProductsService,
  ContactDisclosureService,
  DatasheetAttachmentsService,
  DatasheetsService,
  ProjectCertificatesService,
  ProjectPartyRole,
} from '@chancery/datasheets';

/** A demo account as the datasheet demo needs it (who, where, with which roles). */
export interface DemoPerson {
  userId: string;
  email: string;
  tenantId: string | null;
  organisationId: string | null;
  organisation: string | null;
  roles: Role[];
  name: string;
  jobTitle: string;
}

const CERTIFICATION_BODY_DOMAIN = 'be-cert.test';

/** A title in English, and in the certification body's other languages (`x-titles`, read by the portal). */
const titled = (en: string, nl: string, fr: string, de: string) => ({ title: en, 'x-titles': { nl, fr, de } });

/** The product families' forms: the portal generates the datasheet form from these schemas. */
const FAMILY_SCHEMAS: Record<string, object> = {
  kerbstones: {
    ...titled('Concrete kerbstones', 'Betonnen boordstenen', 'Bordures en béton', 'Bordsteine aus Beton'),
    type: 'object',
    required: ['compressiveStrength', 'dimensions'],
    properties: {
      compressiveStrength: { ...titled('Compressive strength class', 'Druksterkteklasse', 'Classe de résistance à la compression', 'Druckfestigkeitsklasse'), type: 'string', enum: ['C25/30', 'C30/37', 'C35/45', 'C40/50'] },
      dimensions: {
        ...titled('Dimensions', 'Afmetingen', 'Dimensions', 'Abmessungen'),
        type: 'object',
        required: ['lengthMm'],
        properties: {
          lengthMm: { ...titled('Length (mm)', 'Lengte (mm)', 'Longueur (mm)', 'Länge (mm)'), type: 'integer', minimum: 100, maximum: 2000 },
          widthMm: { ...titled('Width (mm)', 'Breedte (mm)', 'Largeur (mm)', 'Breite (mm)'), type: 'integer', minimum: 50, maximum: 500 },
          heightMm: { ...titled('Height (mm)', 'Hoogte (mm)', 'Hauteur (mm)', 'Höhe (mm)'), type: 'integer', minimum: 50, maximum: 500 },
        },
      },
      freezeThawResistant: {
        ...titled('Resistant to freeze-thaw with de-icing salts', 'Bestand tegen vorst en dooizouten', 'Résistant au gel-dégel en présence de sels de déverglaçage', 'Frost-Tausalz-beständig'),
        type: 'boolean',
      },
    },
  },
  'insulation-boards': {
    ...titled('Thermal insulation boards', 'Thermische isolatieplaten', "Panneaux d'isolation thermique", 'Wärmedämmplatten'),
    type: 'object',
    required: ['thermalConductivity', 'thicknessMm', 'reactionToFire'],
    properties: {
      thermalConductivity: { ...titled('Thermal conductivity λ (W/m·K)', 'Warmtegeleidingscoëfficiënt λ (W/m·K)', 'Conductivité thermique λ (W/m·K)', 'Wärmeleitfähigkeit λ (W/m·K)'), type: 'number', minimum: 0.015, maximum: 0.2 },
      thicknessMm: { ...titled('Thickness (mm)', 'Dikte (mm)', 'Épaisseur (mm)', 'Dicke (mm)'), type: 'integer', minimum: 10, maximum: 400 },
      reactionToFire: { ...titled('Reaction to fire (EN 13501-1)', 'Brandreactie (EN 13501-1)', 'Réaction au feu (EN 13501-1)', 'Brandverhalten (EN 13501-1)'), type: 'string', enum: ['A1', 'A2-s1,d0', 'B-s1,d0', 'C-s2,d0', 'E', 'F'] },
      compressiveStressKpa: { ...titled('Compressive stress at 10 % (kPa)', 'Drukspanning bij 10 % (kPa)', 'Contrainte en compression à 10 % (kPa)', 'Druckspannung bei 10 % Stauchung (kPa)'), type: 'number', minimum: 0 },
    },
  },
};

function personActor(person: DemoPerson): Actor {
  return { kind: 'user', id: person.userId, tenantId: person.tenantId ?? undefined, organisationId: person.organisationId ?? undefined, roles: person.roles };
}

/**
 * The certification body's datasheet demo: product family schemas, certified products, published
 * datasheets (so the public search is not empty) and one draft. Made as the demo people themselves,
 * through the datasheets services (acknowledgement, validation, review, publication), so the
 * tenant's change log holds every publication, as it would have had the people done it in the portal.
 */
export async function loadDemoDatasheets(app: INestApplicationContext, people: DemoPerson[]): Promise<void> {
  const context = app.get(RequestContext, { strict: false });
  const products = app.get(CertifiedProductsService, { strict: false });
  const sheets = app.get(DatasheetsService, { strict: false });
  const disclosure = app.get(ContactDisclosureService, { strict: false });
  const attachments = app.get(DatasheetAttachmentsService, { strict: false });
  const ofBody = people.filter((p) => p.email.endsWith(CERTIFICATION_BODY_DOMAIN) && p.tenantId);
  const admin = ofBody.find((p) => p.roles.includes(Role.TENANT_ADMIN));
  const clerk = ofBody.find((p) => p.roles.includes(Role.CLERK));
  const companyUsers = ofBody.filter((p) => p.organisationId);
  if (!admin || !clerk || companyUsers.length === 0) return;
  const as = <T>(person: DemoPerson, work: () => Promise<T>) => context.runAs(personActor(person), work);

  for (const [family, schema] of Object.entries(FAMILY_SCHEMAS)) {
    await as(admin, () => products.setFamilySchema({ family, jsonSchema: JSON.stringify(schema) }));
  }
  // The demo's company users have read and acknowledged the contact-disclosure notice (COPRO §5b).
  for (const person of companyUsers) await as(person, () => disclosure.acknowledge(CONTACT_DISCLOSURE_NOTICE.version));

  // A series of published kerbstones of the first company, in their second version, its administrator
  // as contact: through the publishing workflow like the boards below, so the change log (the central
  // system's pull feed, the webhooks) announces each publication; a bulk insert skipped it, and a
  // consumer replaying the feed from the start missed them (and later saw them unpublished unannounced).
  const concreteAdmin = companyUsers.find((p) => p.roles.includes(Role.ORG_ADMIN))!;
  const publishThroughReview = async (versionId: string) => {
    await as(concreteAdmin, () => sheets.submit(versionId));
    await as(clerk, () => sheets.approve(versionId));
    await as(clerk, () => sheets.publish(versionId));
  };
  let lastKerbstone: { id: string } | null = null;
  for (let n = 1; n <= 9; n += 1) {
    const product = await as(clerk, () =>
      products.create({ organisationId: concreteAdmin.organisationId!, name: `Kerbstone KB ${n}`, productFamily: 'kerbstones', certificateReference: `BENOR-7-${n}`, scheme: 'BENOR', productionUnit: `Plant ${n % 7}` }),
    );
    const first = await as(concreteAdmin, () =>
      sheets.create({
        certifiedProductId: product.id,
        characteristics: JSON.stringify({ compressiveStrength: 'C30/37', dimensions: { lengthMm: 500 + n } }),
        texts: [{ language: 'en', title: 'Kerbstone', description: 'Concrete kerbstone' }],
      }),
    );
    await publishThroughReview(first.id);
    await publishThroughReview((await as(concreteAdmin, () => sheets.startNewVersion(first.datasheetId))).id);
    lastKerbstone = product;
  }
  // The ninth's certificate is suspended: the code on its delivery notes answers with the withdrawal
  // notice (the portal's /datasheets/<code>, GET /public/datasheets/<code>/withdrawal), not "not found".
  const suspended = lastKerbstone!;
  await as(clerk, () => products.changeStatus(suspended.id, CertifiedProductStatus.SUSPENDED));

  // The second company's insulation boards, completed by its member, reviewed and published by the clerk.
  const insulationMember = companyUsers.find((p) => p.organisationId !== concreteAdmin.organisationId && p.roles.includes(Role.ORG_MEMBER));
  if (!insulationMember) return;
  const boards = [
    { name: 'Mosan PIR Roof Board 120', reference: 'CE-MI-0451', unit: 'Liège plant', values: { thermalConductivity: 0.022, thicknessMm: 120, reactionToFire: 'E', compressiveStressKpa: 150 }, publish: true },
    { name: 'Mosan Stone Wool Slab 80', reference: 'CE-MI-0452', unit: 'Liège plant', values: { thermalConductivity: 0.035, thicknessMm: 80, reactionToFire: 'A1' }, publish: true },
    { name: 'Mosan EPS Floor 60', reference: 'CE-MI-0453', unit: 'Herstal plant', values: { thermalConductivity: 0.031, thicknessMm: 60, reactionToFire: 'E' }, publish: false },
  ];
  for (const board of boards) {
    const product = await as(clerk, () =>
      products.create({ organisationId: insulationMember.organisationId!, name: board.name, productFamily: 'insulation-boards', certificateReference: board.reference, scheme: 'CE', productionUnit: board.unit }),
    );
    const draft = await as(insulationMember, () =>
      sheets.create({
        certifiedProductId: product.id,
        characteristics: JSON.stringify(board.values),
        texts: [
          { language: 'nl', title: board.name, description: 'Isolatieplaat voor daken, muren en vloeren.' },
          { language: 'fr', title: board.name, description: "Panneau d'isolation pour toitures, murs et sols." },
          { language: 'en', title: board.name, description: 'Insulation board for roofs, walls and floors.' },
        ],
      }),
    );
    // Its declaration of performance, attached as the company would (public once published).
    const declaration = declarationOfPerformance(board.name, board.reference, board.values);
    await as(insulationMember, () => attachments.add(draft.id, { fileName: `DoP ${board.reference}.pdf`, title: `Declaration of performance ${board.reference}`, language: 'en', bytes: declaration }));
    if (!board.publish) continue;
    await as(insulationMember, () => sheets.submit(draft.id));
    await as(clerk, () => sheets.approve(draft.id));
    await as(clerk, () => sheets.publish(draft.id));
  }

  // A multi-party project certificate (COPRO §5c), issued: the concrete company is contractor and
  // intermediate storage, the insulation company the client; each company's administrator is its contact.
  const insulationAdmin = companyUsers.find((p) => p.organisationId === insulationMember.organisationId && p.roles.includes(Role.ORG_ADMIN));
  if (!insulationAdmin) return;
  const projects = app.get(ProjectCertificatesService, { strict: false });
  const project = await as(concreteAdmin, () =>
    projects.create({
      reference: 'N49 Zelzate lot 3', site: 'N49, km 12–14, Zelzate', material: 'tar-containing asphalt for thermal cleaning', quantityTonnes: 1250.5,
      parties: [
        { role: ProjectPartyRole.CLIENT, organisationId: insulationAdmin.organisationId! },
        { role: ProjectPartyRole.CONTRACTOR, organisationId: concreteAdmin.organisationId! },
        { role: ProjectPartyRole.INTERMEDIATE_STORAGE, organisationId: concreteAdmin.organisationId! },
      ],
    }),
  );
  await as(insulationAdmin, () => projects.nameContact(project.id, ProjectPartyRole.CLIENT, insulationAdmin.userId));
  await as(clerk, () => projects.issue(project.id));
}

/**
 * A one-page demo declaration of performance: a small but real PDF (Helvetica, ASCII text, exact
 * cross-reference offsets), written out here because documents leave only through the output gate's
 * channels and this is demo input, not an output.
 */
function declarationOfPerformance(product: string, reference: string, values: Record<string, unknown>): Buffer {
  const escape = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const lines = [`Declaration of performance ${reference}`, `Product: ${product}`, ...Object.entries(values).map(([key, value]) => `${key}: ${String(value)}`), 'Demo document of the Chancery demo data.'];
  const stream = `BT /F1 12 Tf 56 780 Td 16 TL ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
