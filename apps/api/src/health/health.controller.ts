import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { Public } from '@chancery/access';
import { OutputWithoutRecords, PresentResultsInterceptor } from '@chancery/policy';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

/** Liveness says the process answers; readiness says it can serve (the database answers). */
@Controller('health')
@UseInterceptors(PresentResultsInterceptor)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Public()
  @OutputWithoutRecords('a health report: process and database status, no records')
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Public()
  @OutputWithoutRecords('a health report: process and database status, no records')
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
