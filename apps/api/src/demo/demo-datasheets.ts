import type { INestApplicationContext } from '@nestjs/common';
import { Role } from '@chancery/access';
import { Clock, RequestContext, type Actor } from '@chancery/core';
import {
  CONTACT_DISCLOSURE_NOTICE,
  CertifiedProductsService,
  ContactDisclosureService,
  DatasheetsProvisioning,
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

/** The product families' forms: the portal generates the datasheet form from these schemas. */
const FAMILY_SCHEMAS: Record<string, object> = {
  kerbstones: {
    type: 'object',
    required: ['compressiveStrength', 'dimensions'],
    properties: {
      compressiveStrength: { title: 'Compressive strength class', type: 'string', enum: ['C25/30', 'C30/37', 'C35/45', 'C40/50'] },
      dimensions: {
        title: 'Dimensions',
        type: 'object',
        required: ['lengthMm'],
        properties: {
          lengthMm: { title: 'Length (mm)', type: 'integer', minimum: 100, maximum: 2000 },
          widthMm: { title: 'Width (mm)', type: 'integer', minimum: 50, maximum: 500 },
          heightMm: { title: 'Height (mm)', type: 'integer', minimum: 50, maximum: 500 },
        },
      },
      freezeThawResistant: { title: 'Resistant to freeze-thaw with de-icing salts', type: 'boolean' },
    },
  },
  'insulation-boards': {
    type: 'object',
    required: ['thermalConductivity', 'thicknessMm', 'reactionToFire'],
    properties: {
      thermalConductivity: { title: 'Thermal conductivity λ (W/m·K)', type: 'number', minimum: 0.015, maximum: 0.2 },
      thicknessMm: { title: 'Thickness (mm)', type: 'integer', minimum: 10, maximum: 400 },
      reactionToFire: { title: 'Reaction to fire (EN 13501-1)', type: 'string', enum: ['A1', 'A2-s1,d0', 'B-s1,d0', 'C-s2,d0', 'E', 'F'] },
      compressiveStressKpa: { title: 'Compressive stress at 10 % (kPa)', type: 'number', minimum: 0 },
    },
  },
};

function personActor(person: DemoPerson): Actor {
  return { kind: 'user', id: person.userId, tenantId: person.tenantId ?? undefined, organisationId: person.organisationId ?? undefined, roles: person.roles };
}

/**
 * The certification body's datasheet demo: product family schemas, certified products, published
 * datasheets (so the public search is not empty) and one draft. Made as the demo people themselves,
 * through the datasheets services (acknowledgement, validation, review, publication), plus a bulk of
 * published kerbstones through the provisioning the tests use.
 */
export async function loadDemoDatasheets(app: INestApplicationContext, people: DemoPerson[]): Promise<void> {
  const context = app.get(RequestContext, { strict: false });
  const products = app.get(CertifiedProductsService, { strict: false });
  const sheets = app.get(DatasheetsService, { strict: false });
  const disclosure = app.get(ContactDisclosureService, { strict: false });
  const provisioning = app.get(DatasheetsProvisioning, { strict: false });
  const clock = app.get(Clock, { strict: false });
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

  // A series of published kerbstones of the first company, its administrator as contact.
  const concreteAdmin = companyUsers.find((p) => p.roles.includes(Role.ORG_ADMIN))!;
  await provisioning.provisionPublished({
    tenantId: concreteAdmin.tenantId!, organisationId: concreteAdmin.organisationId!, holderName: concreteAdmin.organisation ?? '',
    contact: { userId: concreteAdmin.userId, name: concreteAdmin.name, email: concreteAdmin.email, phone: '+32470123456', position: concreteAdmin.jobTitle },
    count: 8, namePrefix: 'Kerbstone KB', batch: 7, versions: 2, publishedAt: clock.now(),
  });

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
