import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';

/** Apollo's server-level hooks: a plugin with one is not ours to wrap. */
const SERVER_HOOKS = ['serverWillStart', 'unexpectedErrorProcessingRequest', 'contextCreationDidFail', 'invalidRequestWasReceived', 'startupDidFail'] as const;
/** The request hooks our plugins use; a listener with any other is refused at its first request. */
const PASSED_ON = new Set(['willSendResponse', 'didEncounterErrors']);

type Listener = GraphQLRequestListener<BaseContext>;

/**
 * Apollo Server as one plugin, the given ones inside it. Apollo awaits `Promise.all` over the request's
 * listeners at each of its stages (source, operation, response, execution start and end, answer), for
 * every listener whether or not it has the stage's hook: each listener costs a request about a dozen
 * promises, each paying AsyncLocalStorage's hooks on Node 20. Ours only act when the answer is sent
 * (and armor's on errors): here they are one listener, their hooks run side by side as Apollo would run
 * them. A plugin with a server hook, or a request listener with another hook, is refused (at start, or
 * at its first request) rather than silently not called: give it to Apollo on its own.
 */
export function asOneListener(plugins: readonly ApolloServerPlugin[]): ApolloServerPlugin {
  for (const plugin of plugins) {
    const other = SERVER_HOOKS.find((hook) => plugin[hook] !== undefined);
    if (other) throw new Error(`asOneListener passes on request hooks only; a plugin has ${other}: give it to Apollo on its own`);
  }
  return {
    async requestDidStart(requestContext) {
      const listeners: Listener[] = [];
      for (const listener of await Promise.all(plugins.map((plugin) => plugin.requestDidStart?.(requestContext)))) {
        if (!listener) continue;
        const other = Object.keys(listener).find((hook) => !PASSED_ON.has(hook));
        if (other) throw new Error(`asOneListener passes on willSendResponse and didEncounterErrors only; a listener has ${other}: give its plugin to Apollo on its own`);
        listeners.push(listener);
      }
      if (listeners.length === 0) return undefined;
      const answering = listeners.filter((listener) => listener.willSendResponse);
      const erring = listeners.filter((listener) => listener.didEncounterErrors);
      return {
        ...(answering.length > 0 && {
          async willSendResponse(context) {
            await Promise.all(answering.map((listener) => listener.willSendResponse!(context)));
          },
        }),
        ...(erring.length > 0 && {
          async didEncounterErrors(context) {
            await Promise.all(erring.map((listener) => listener.didEncounterErrors!(context)));
          },
        }),
      };
    },
  };
}
