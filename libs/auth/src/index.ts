export * from './auth.module';
export * from './auth.errors';
export * from './auth.service';
export * from './access-token';
export * from './access.guard';
export * from './entities/auth-session.entity';
