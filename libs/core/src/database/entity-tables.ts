import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The entity classes the running application maps to its tables. Asked of the application's
 * DataSource, not of TypeORM's process-wide decorator storage, which can also hold an older class of
 * the same table (a second module registry in the same process, as in the test runner).
 */
@Injectable()
export class EntityTables {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The entity class mapped to `table`, or undefined for a table no entity declares. */
  entityOf(table: string): (abstract new (...args: never[]) => object) | undefined {
    const found = this.dataSource.entityMetadatas.find((metadata) => metadata.tableName === table && typeof metadata.target === 'function');
    return found?.target as (abstract new (...args: never[]) => object) | undefined;
  }
}
