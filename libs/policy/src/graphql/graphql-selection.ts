import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import type { Selection } from '../gate/output-gate';

// The same document (Apollo caches parsed documents) gives the same field nodes: compute once.
const cache = new WeakMap<readonly FieldNode[], Selection>();

/** What the query selected under the resolved field, by field name (aliases merged), for the gate. */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  let selection = cache.get(info.fieldNodes);
  if (!selection) {
    const merged = new Map<string, Selection | null>();
    for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, merged, new Set());
    selection = merged;
    cache.set(info.fieldNodes, selection);
  }
  return selection;
}

function collect(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Map<string, Selection | null>,
  seenFragments: ReadonlySet<string>,
): void {
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (name.startsWith('__')) continue;
      if (!node.selectionSet) {
        if (!into.has(name)) into.set(name, null);
        continue;
      }
      const inner = (into.get(name) as Map<string, Selection | null> | null | undefined) ?? new Map<string, Selection | null>();
      collect(node.selectionSet, fragments, inner, seenFragments);
      into.set(name, inner);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into, seenFragments);
    } else if (!seenFragments.has(node.name.value)) {
      const fragment = fragments[node.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, into, new Set([...seenFragments, node.name.value]));
    }
  }
}
