import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Injectable, Logger } from '@nestjs/common';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { PersonalDataAccessLog, PersonalDataAccessNotRecordedError } from './personal-data-access-log.service';
import { personalDataReadsOfRequest } from './personal-data-reads';

/**
 * Writes the personal-data accesses a GraphQL request collected, once, when its response is ready:
 * one row per person read rather than one per field.
 *
 * Trade-off: when the write fails the response is still sent, and the failure is logged at error
 * level with the unwritten rows. The answer is complete at this point and could be withheld instead,
 * but then an outage of the log would stop every staff member's work; the error line is the alarm.
 * The API lists it among Apollo's plugins (apps/api/src/graphql/graphql-options.ts).
 */
@Injectable()
export class PersonalDataAccessLogPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly logger = new Logger(PersonalDataAccessLogPlugin.name);

  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    // At the request's root context, so units of work opened by resolvers share this buffer.
    personalDataReadsOfRequest();
    return {
      willSendResponse: async ({ operation, document }) => {
        try {
          await this.accessLog.flush(operation && document ? rootFieldsOf(operation, document) : undefined);
        } catch (error) {
          // Write failures are already logged with their rows; anything else is logged here.
          if (!(error instanceof PersonalDataAccessNotRecordedError)) {
            this.logger.error({ err: error }, 'personal-data access log: accesses of this request NOT recorded');
          }
        }
      },
    };
  }
}

/**
 * The root fields the operation asked for, e.g. `user`, or `me,user` for a document with both. Read
 * from the document rather than the request context, which holds whichever root field's guard ran
 * last while root fields of a query run side by side.
 */
export function rootFieldsOf(operation: OperationDefinitionNode, document: DocumentNode): string | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names.size > 0 ? [...names].sort().join(',') : undefined;
}
