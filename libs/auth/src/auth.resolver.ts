import { Args, ArgsType, Context, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, Length, Matches, MaxLength } from 'class-validator';
import { AuthenticatedPerson, Public } from '@chancery/access';
import { Optional, ThrottleAuthentication } from '@chancery/core';
import type { HttpRequest, ResponseHeaders } from '@chancery/core';
import { AccountsService, PASSWORD_MAX_LENGTH, RECOVERY_CODE_PATTERN } from '@chancery/identity';
import { Envelope } from '@chancery/policy';
import { AuthService, SessionTokens } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokenDelivery, setRefreshCookie } from './refresh-cookie';

const DELIVERY_DESCRIPTION = 'Where the refresh token goes: the answer (default) or an HttpOnly cookie for POST /auth/session/refresh (browsers).';

@InputType()
export class LoginInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field() @IsString() @Length(1, 256) password: string;
  @Field({ nullable: true, description: "The tenant's slug. Absent: the tenant where the password matches (TENANT_CHOICE_REQUIRED when it matches in several), or the platform operator's account." })
  @Optional() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenant?: string;
  @Field({ nullable: true }) @Optional() @Matches(/^\d{6}$/) totpCode?: string;
  @Field({ nullable: true, description: 'Instead of totpCode (never both): one of the account’s unused recovery codes, XXXXX-XXXXX. Works once.' })
  @Optional() @Matches(RECOVERY_CODE_PATTERN, { message: 'must be a recovery code: two groups of five letters and digits' }) recoveryCode?: string;
  @Field(() => RefreshTokenDelivery, { nullable: true, description: DELIVERY_DESCRIPTION })
  @Optional() @IsEnum(RefreshTokenDelivery) refreshTokenIn?: RefreshTokenDelivery;
}

@ArgsType()
export class RefreshArgs {
  @Field() @IsString() @Length(1, 200) refreshToken: string;
}

@ArgsType()
export class TotpCodeArgs {
  @Field() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of the authenticator app' }) code: string;
}

@ArgsType()
export class RegenerateRecoveryCodesArgs {
  @Field({ description: 'A current code of the authenticator app.' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of the authenticator app' }) totpCode: string;
}

@ArgsType()
export class StepUpArgs {
  @Field({ nullable: true, description: 'The current code of the authenticator app (accounts with a second factor).' })
  @Optional() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of the authenticator app' }) code?: string;
  @Field({ nullable: true, description: 'The password (accounts without a second factor).' })
  @Optional() @IsString() @Length(1, 256) password?: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field() @IsString() @Length(1, 256) currentPassword: string;
  @Field() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) newPassword: string;
  @Field(() => RefreshTokenDelivery, { nullable: true, description: DELIVERY_DESCRIPTION })
  @Optional() @IsEnum(RefreshTokenDelivery) refreshTokenIn?: RefreshTokenDelivery;
}

@ArgsType()
export class PasswordResetRequestArgs {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field({ nullable: true }) @Optional() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenant?: string;
}

@ArgsType()
export class PasswordResetArgs {
  @Field() @IsString() @Length(1, 200) token: string;
  @Field() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) newPassword: string;
}

@Envelope('SessionTokens')
@ObjectType('SessionTokens')
export class SessionTokensType {
  @Field() accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field(() => String, { nullable: true, description: 'Opaque; use once with refreshSession, which returns a new one. Null when it was delivered as a cookie.' })
  refreshToken: string | null;
  @Field() totpEnrolmentRequired: boolean;
}

/** Recovery codes just made: the only time they are ever shown. */
@Envelope('NewRecoveryCodes')
@ObjectType('NewRecoveryCodes')
export class NewRecoveryCodesType {
  @Field(() => [String], { description: 'Each works once, instead of a code of the authenticator app. Shown this once: only their hashes are kept.' })
  codes: string[];
  @Field() generatedAt: Date;
}

/** How many recovery codes the person has left; never the codes. */
@Envelope('RecoveryCodeStatus')
@ObjectType('RecoveryCodeStatus')
export class RecoveryCodeStatusType {
  @Field(() => Int) remaining: number;
  @Field(() => Date, { nullable: true, description: 'When the current codes were made; null: none were ever made (an account enrolled before recovery codes existed).' })
  generatedAt: Date | null;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => SessionTokensType)
  async login(@Args('input') input: LoginInput, @Context('req') req: HttpRequest, @Context('res') res: ResponseHeaders): Promise<SessionTokensType> {
    const issued = await this.auth.login(
      { email: input.email, password: input.password, tenantSlug: input.tenant, totpCode: input.totpCode, recoveryCode: input.recoveryCode },
      { ipAddress: req.ip, userAgent: req.headers['user-agent'] },
    );
    return tokens(issued, input.refreshTokenIn, res);
  }

  // Not @ThrottleAuthentication: a refresh token is a 256-bit secret, nothing to guess, and every page
  // load of the portal refreshes; sharing the login budget of the address (an office behind one NAT)
  // sent users to the login page. The general limit per address still counts it.
  @Public()
  @Mutation(() => SessionTokensType)
  async refreshSession(@Args() { refreshToken }: RefreshArgs): Promise<SessionTokensType> {
    return tokens(await this.auth.refresh(refreshToken));
  }

  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => Boolean)
  logout(): Promise<boolean> {
    return this.auth.logout();
  }

  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => Boolean)
  logoutEverywhere(): Promise<boolean> {
    return this.auth.logoutEverywhere();
  }

  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => String, { description: 'Starts second-factor enrolment; returns an otpauth:// URI to show as a QR code.' })
  beginTotpEnrolment(): Promise<string> {
    return this.accounts.beginTotpEnrolment();
  }

  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => Boolean, { description: 'Completes enrolment without recovery codes (the account can make them later: regenerateRecoveryCodes).', deprecationReason: 'Use confirmTotpEnrolmentWithRecoveryCodes.' })
  confirmTotpEnrolment(@Args() { code }: TotpCodeArgs): Promise<boolean> {
    return this.auth.confirmTotpEnrolment(code);
  }

  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => NewRecoveryCodesType, { description: 'Completes second-factor enrolment with a first code from the app, and returns the account’s recovery codes, this once.' })
  async confirmTotpEnrolmentWithRecoveryCodes(@Args() { code }: TotpCodeArgs): Promise<NewRecoveryCodesType> {
    return Object.assign(new NewRecoveryCodesType(), await this.auth.confirmTotpEnrolmentWithRecoveryCodes(code));
  }

  @AuthenticatedPerson()
  @Mutation(() => NewRecoveryCodesType, { description: 'New recovery codes replacing all earlier ones, given a current code of the authenticator app; returned this once.' })
  async regenerateRecoveryCodes(@Args() { totpCode }: RegenerateRecoveryCodesArgs): Promise<NewRecoveryCodesType> {
    return Object.assign(new NewRecoveryCodesType(), await this.auth.regenerateRecoveryCodes(totpCode));
  }

  @AuthenticatedPerson()
  @Query(() => RecoveryCodeStatusType, { description: 'How many of your recovery codes are unused (never the codes).' })
  async myRecoveryCodes(): Promise<RecoveryCodeStatusType> {
    return Object.assign(new RecoveryCodeStatusType(), await this.accounts.myRecoveryCodeCount());
  }

  // Also before the second factor: a session held to enrolling whose login is old re-authenticates with
  // its password before it may begin enrolment (it can do nothing else with it).
  @AuthenticatedPerson({ beforeSecondFactor: true })
  @Mutation(() => Date, {
    description: 'Re-authenticates the session (second-factor code, or the password without one); high-value acts accept it for 5 minutes.',
  })
  stepUp(@Args() credentials: StepUpArgs): Promise<Date> {
    return this.auth.stepUp(credentials);
  }

  @AuthenticatedPerson()
  @Mutation(() => SessionTokensType, {
    description: 'Changes your password, given the current one: every other session ends, and this one continues with the tokens returned (the old ones stop).',
  })
  async changeMyPassword(@Args() { currentPassword, newPassword, refreshTokenIn }: ChangePasswordArgs, @Context('res') res: ResponseHeaders): Promise<SessionTokensType> {
    return tokens(await this.auth.changeMyPassword(currentPassword, newPassword), refreshTokenIn, res);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean, { description: 'Sends a reset link if the address has an account; answers true either way.' })
  requestPasswordReset(@Args() { email, tenant }: PasswordResetRequestArgs): Promise<boolean> {
    return this.passwordReset.requestReset(email, tenant);
  }

  @Public()
  @ThrottleAuthentication()
  @Mutation(() => Boolean, { description: 'Sets a new password with the link of the reset e-mail; every session of the account ends.' })
  resetPassword(@Args() { token, newPassword }: PasswordResetArgs): Promise<boolean> {
    return this.passwordReset.reset(token, newPassword);
  }
}

/** The answer; with COOKIE delivery the refresh token goes into the HttpOnly cookie only. */
function tokens(issued: SessionTokens, delivery?: RefreshTokenDelivery, res?: ResponseHeaders): SessionTokensType {
  if (delivery === RefreshTokenDelivery.COOKIE && res) {
    setRefreshCookie(res, issued.refreshToken);
    return Object.assign(new SessionTokensType(), issued, { refreshToken: null });
  }
  return Object.assign(new SessionTokensType(), issued);
}
