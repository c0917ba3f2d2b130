import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsServiceManager, ClsModule } from 'nestjs-cls';
import { Test } from '@nestjs/testing';
import { Allow, Permission, Public } from '@chancery/access';
import { Clock, DomainError, RequestContext, SystemClock, UnauthenticatedError } from '@chancery/core';
import { AccessGuard } from './access.guard';
import { ApiKeyAuthenticator } from './api-key.authenticator';

class Operations {
  @Public() open() {}
  @Allow(Permission.ReadAuditLog) forAuditors() {}
  undeclared() {}
}

function httpContext(handler: () => void): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Operations,
    switchToHttp: () => ({ getRequest: () => ({ headers: {}, method: 'POST' }) }),
  } as unknown as ExecutionContext;
}

describe('The access guard', () => {
  let guard: AccessGuard;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ClsModule.forRoot({ global: true })],
      providers: [RequestContext, { provide: Clock, useClass: SystemClock }, { provide: ApiKeyAuthenticator, useValue: {} }, Reflector, AccessGuard],
    }).compile();
    guard = moduleRef.get(AccessGuard);
  });
  const inRequest = <T>(work: () => Promise<T>) => ClsServiceManager.getClsService().run(work);

  it('refuses an operation that declares no access rule, to everyone (deny by default)', async () => {
    await expect(inRequest(() => guard.canActivate(httpContext(Operations.prototype.undeclared)))).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'PERMISSION_REQUIRED' });
    await expect(inRequest(() => guard.canActivate(httpContext(Operations.prototype.undeclared)))).rejects.toBeInstanceOf(DomainError);
  });

  it('lets anyone call a public operation', async () => {
    await expect(inRequest(() => guard.canActivate(httpContext(Operations.prototype.open)))).resolves.toBe(true);
  });

  it('asks an anonymous caller of a role-gated operation to authenticate', async () => {
    await expect(inRequest(() => guard.canActivate(httpContext(Operations.prototype.forAuditors)))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
