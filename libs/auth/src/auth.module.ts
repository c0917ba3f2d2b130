import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@chancery/audit';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AuthSession } from './entities/auth-session.entity';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordResetService } from './password-reset.service';
import { SecretBox } from './secret-box';
import { SessionStateService } from './session-state.service';

/** Login, tokens, second factor, and the global access guard. */
@Module({
  imports: [PassportModule, AuditModule, TypeOrmModule.forFeature([AuthSession])],
  providers: [
    AccessTokenService,
    SessionStateService,
    JwtStrategy,
    ApiKeyAuthenticator,
    AuthService,
    SecretBox,
    PasswordResetService,
    AuthResolver,
    SessionsService,
    SessionsResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccessTokenService, AuthService, SecretBox],
})
export class AuthModule {}
