import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthSession } from './entities/auth-session.entity';
import { AuditModule } from '@chancery/audit';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordResetService } from './password-reset.service';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { SessionRepository } from './repositories/session.repository';
import { SessionPersonalDataRepository } from './repositories/session-personal-data.repository';
import { SessionPersonalDataHolder } from './personal-data/session-personal-data.holder';
import { SessionStateService } from './session-state.service';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { SessionCookieController } from './session-cookie.controller';

/** Login, sessions and tokens, step-up, and the global access guard. Above identity. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthSession]), PassportModule, AuditModule, IdentityModule, NotificationsModule],
  controllers: [SessionCookieController],
  providers: [
    SessionRepository,
    LoginThrottleRepository,
    AccessTokenService,
    SessionStateService,
    JwtStrategy,
    ApiKeyAuthenticator,
    AuthService,
    PasswordResetService,
    AuthResolver,
    SessionsService,
    SessionsResolver,
    SessionPersonalDataRepository,
    SessionPersonalDataHolder,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccessTokenService, AuthService],
})
export class AuthModule {}
