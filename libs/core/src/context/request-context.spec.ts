import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Actor, ANONYMOUS_ACTOR } from './actor';
import { RequestContext } from './request-context';

const staff: Actor = { kind: 'user', id: 'u-1', tenantId: 't-1', roles: [] };

function http(requestId: string): { request: IncomingMessage; response: ServerResponse } {
  const request = { headers: { 'x-request-id': requestId } } as unknown as IncomingMessage;
  return { request, response: new EventEmitter() as unknown as ServerResponse };
}

describe('RequestContext.serveRequest', () => {
  const context = new RequestContext(new ClsService(new AsyncLocalStorage()));

  it('serves a request in a context of its own: its id, the anonymous actor, its tally; the end hooks run at close', () => {
    const { request, response } = http('request-0001');
    const ended: string[] = [];
    context.serveRequest(request, response, () => {
      expect([context.requestId, context.actor, context.tally?.statements]).toEqual(['request-0001', ANONYMOUS_ACTOR, 0]);
      context.onRequestEnd(() => ended.push('held unit ended'));
    });
    expect(context.active).toBe(false);
    expect(ended).toEqual([]);
    response.emit('close');
    expect(ended).toEqual(['held unit ended']);
  });

  it('takes nothing from a context its hook happens to run in', async () => {
    const unitOfAnother = { ended: false } as never;
    const first = http('request-0002');
    const seen: { inner?: unknown[]; outer?: unknown[] } = {};
    await new Promise<void>((done) =>
      context.serveRequest(first.request, first.response, () => {
        context.setActor(staff);
        context.setOperation('another request');
        void context.withUnitOfWork(unitOfAnother, async () => {
          const second = http('request-0003');
          context.serveRequest(second.request, second.response, () => {
            seen.inner = [context.actor, context.unitOfWork, context.operation, context.requestId];
          });
          seen.outer = [context.actor, context.unitOfWork, context.requestId];
          done();
        });
      }),
    );
    expect(seen.inner).toEqual([ANONYMOUS_ACTOR, undefined, undefined, 'request-0003']);
    expect(seen.outer).toEqual([staff, unitOfAnother, 'request-0002']);
  });
});
