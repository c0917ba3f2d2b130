import { Extensions } from '@nestjs/graphql';
import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';

const ONCE_PER_REQUEST = 'oncePerRequest';

/**
 * Marks a costly field (one that recomputes a whole chain, say) as allowed once per request:
 * asked under two aliases, or through fragments, the document is refused before any resolver runs
 * (#14 defect 13: 15 aliases of verifyAuditChain recomputed the chain 15 times).
 */
export const OncePerRequest = (): MethodDecorator & PropertyDecorator & ClassDecorator =>
  Extensions({ [ONCE_PER_REQUEST]: true });

/**
 * The validation rule behind `@OncePerRequest()`: counts the distinct response keys (alias or name)
 * under which each marked field is asked across the document's operations and fragments. The same
 * key twice is merged by GraphQL into one execution, so it counts once.
 */
export function oncePerRequestRule(context: ValidationContext): ASTVisitor {
  const keysByField = new Map<string, Set<string>>();
  return {
    Field(node) {
      const definition = context.getFieldDef();
      const parent = context.getParentType();
      if (!definition || !parent || definition.extensions?.[ONCE_PER_REQUEST] !== true) return;
      const name = `${parent.name}.${definition.name}`;
      const keys = keysByField.get(name) ?? new Set<string>();
      keys.add(node.alias?.value ?? node.name.value);
      keysByField.set(name, keys);
      if (keys.size === 2) {
        context.reportError(
          new GraphQLError(`The costly field ${definition.name} may be asked once per request.`, { nodes: [node] }),
        );
      }
    },
  };
}
