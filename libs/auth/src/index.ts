export * from './auth.module';
export * from './auth.service';
export * from './access-token';
export * from './access.guard';
export * from './secret-token';
export * from './password-policy';
export * from './totp';
export * from './second-factor';
