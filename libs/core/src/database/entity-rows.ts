import { getMetadataArgsStorage } from 'typeorm';

/** A class TypeORM knows as an entity (its columns come from the @Column decorators). */
export type EntityType<T> = abstract new (...args: never[]) => T;

interface ColumnMapping {
  property: string;
  column: string;
}

const mappings = new Map<EntityType<unknown>, ColumnMapping[]>();

/** Property ↔ column of every column the entity class declares, in declaration order. */
export function columnsOfEntity<T>(cls: EntityType<T>): readonly ColumnMapping[] {
  let mapping = mappings.get(cls as EntityType<unknown>);
  if (!mapping) {
    mapping = getMetadataArgsStorage()
      .columns.filter((c) => c.target === cls)
      .map((c) => ({ property: c.propertyName, column: (c.options.name as string | undefined) ?? c.propertyName }));
    if (mapping.length === 0) throw new Error(`${cls.name} declares no columns`);
    mappings.set(cls as EntityType<unknown>, mapping);
  }
  return mapping;
}

/**
 * The select list of an entity's columns, each aliased to its property (`u.first_name AS "firstName"`),
 * so rows come back in the entity's shape. Written out in full into the statement text, so the SQL
 * snapshots show exactly which columns a query reads; `except` leaves out what a query must not fetch
 * (password hashes, second-factor secrets, large images).
 */
export function selectColumns<T>(cls: EntityType<T>, alias: string, options: { except?: readonly (keyof T & string)[] } = {}): string {
  return columnsOfEntity(cls)
    .filter((c) => !options.except?.includes(c.property as keyof T & string))
    .map((c) => (c.column === c.property ? `${alias}.${c.column}` : `${alias}.${c.column} AS "${c.property}"`))
    .join(', ');
}

/** The database column of a property, for statements that name one. */
export function columnOf<T>(cls: EntityType<T>, property: keyof T & string): string {
  const found = columnsOfEntity(cls).find((c) => c.property === property);
  if (!found) throw new Error(`${cls.name}.${property} is not a column`);
  return found.column;
}

/** A row selected with `selectColumns` as an instance of the entity (its prototype drives the policy). */
export function toEntity<T extends object>(cls: new () => T, row: object): T {
  return Object.assign(new cls(), row);
}
