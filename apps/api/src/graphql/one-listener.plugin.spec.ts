import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { asOneListener } from './one-listener.plugin';

const request = {} as GraphQLRequestContext<BaseContext>;
const answer = {} as GraphQLRequestContextWillSendResponse<BaseContext>;

describe('asOneListener: our Apollo plugins as one request listener', () => {
  it('calls every plugin at the start of a request and every listener when the answer is sent, waiting for all', async () => {
    const calls: string[] = [];
    let finishFlush: () => void = () => undefined;
    const plugins: ApolloServerPlugin[] = [
      { requestDidStart: async () => (calls.push('status: start'), { willSendResponse: async () => void calls.push('status: answer') }) },
      { requestDidStart: async () => void calls.push('quiet: start') },
      {
        requestDidStart: async () => (
          calls.push('log: start'),
          { willSendResponse: () => new Promise<void>((resolve) => (finishFlush = () => (calls.push('log: flushed'), resolve()))) }
        ),
      },
      { requestDidStart: async () => ({ didEncounterErrors: async () => void calls.push('armor: errors') }) },
    ];
    const listener = (await asOneListener(plugins).requestDidStart!(request))!;
    expect(calls).toEqual(['status: start', 'quiet: start', 'log: start']);
    expect(Object.keys(listener).sort()).toEqual(['didEncounterErrors', 'willSendResponse']);

    let sent = false;
    const sending = listener.willSendResponse!(answer).then(() => (sent = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toBe(false); // the log's flush is awaited, as Apollo awaits each listener
    finishFlush();
    await sending;
    expect(calls.slice(3)).toEqual(['status: answer', 'log: flushed']);
    await listener.didEncounterErrors!({} as never);
    expect(calls.at(-1)).toBe('armor: errors');
  });

  it('is no listener at all when no plugin listens to the request', async () => {
    expect(await asOneListener([{ requestDidStart: async () => undefined }, {}]).requestDidStart!(request)).toBeUndefined();
  });

  it('refuses a plugin or a listener with a hook it does not pass on, rather than never calling it', async () => {
    expect(() => asOneListener([{ serverWillStart: async () => undefined }])).toThrow(/serverWillStart/);
    const executing = asOneListener([{ requestDidStart: async () => ({ executionDidStart: async () => undefined }) }]);
    await expect(executing.requestDidStart!(request)).rejects.toThrow(/executionDidStart/);
  });
});
