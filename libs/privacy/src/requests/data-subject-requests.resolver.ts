import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AuthenticatedPerson, Permission, Public } from '@chancery/access';
import { OncePerRequest, ThrottleAuthentication } from '@chancery/core';
import { RetentionSweeper } from '../retention/retention-sweep';
import { DataSubjectErasureAnswer, DataSubjectExportAnswer, HolderErasureType, RetentionSweepResultType } from './entities/answers.type';
import { DataSubjectRequest } from './entities/data-subject-request.entity';
import { LegalHold } from './entities/legal-hold.entity';
import { DataSubjectRequests } from './data-subject-requests.service';
import { DataSubjectRights } from './data-subject-rights.service';
import {
  CloseDataSubjectRequestInput,
  DataSubjectRequestQueueArgs,
  ExtendDataSubjectRequestInput,
  LegalHoldIdArgs,
  LegalHoldListArgs,
  MyDataSubjectRequestInput,
  MyExportArgs,
  PlaceLegalHoldInput,
  RetentionSweepArgs,
  PublicDataSubjectRequestInput,
  RequestIdArgs,
  UpholdDataSubjectObjectionInput,
} from './inputs/data-subject-request.inputs';

@Resolver(() => DataSubjectRequest)
export class DataSubjectRequestsResolver {
  constructor(
    private readonly requests: DataSubjectRequests,
    private readonly rights: DataSubjectRights,
    private readonly retention: RetentionSweeper,
  ) {}

  @Allow(Permission.ManageRetention)
  @Mutation(() => [RetentionSweepResultType], { description: "Run the tenant's retention sweep now (it also runs every night): counts per holder." })
  async runRetentionSweep(@Args() args: RetentionSweepArgs): Promise<RetentionSweepResultType[]> {
    return (await this.retention.sweepCurrentTenant(args.batchSize)).map((outcome) => Object.assign(new RetentionSweepResultType(), outcome));
  }

  @Allow(Permission.ManageRetention)
  @Mutation(() => ID, { description: 'Place a legal hold on a record: the retention sweep leaves it alone.' })
  placeLegalHold(@Args('input') input: PlaceLegalHoldInput): Promise<string> {
    return this.retention.placeHold(input.record, input.reason);
  }

  @Allow(Permission.ManageRetention)
  @Query(() => [LegalHold], { description: "The tenant's legal holds, newest first: those in force (inForce, the default), or all." })
  legalHolds(@Args() args: LegalHoldListArgs): Promise<LegalHold[]> {
    return this.retention.holds(args.inForce, args.first);
  }

  @Allow(Permission.ManageRetention)
  @Mutation(() => ID, { description: 'Release a legal hold of your tenant: its record is swept, and erasable, again. Answers the hold’s id.' })
  releaseLegalHold(@Args() args: LegalHoldIdArgs): Promise<string> {
    return this.retention.releaseHold(args.holdId);
  }

  @AuthenticatedPerson()
  @Mutation(() => DataSubjectRequest, { description: 'Exercise a right over your own data; acknowledged at once, answered within a month.' })
  requestMyDataSubjectRight(@Args('input') input: MyDataSubjectRequestInput): Promise<DataSubjectRequest> {
    return this.requests.submitOwn(input.type, input.details ?? null);
  }

  @Public()
  // Each request mails the address given: once per document, and per client address under the authentication limit.
  @OncePerRequest()
  @ThrottleAuthentication()
  @Mutation(() => Boolean, { description: 'The public privacy form. Always true: a confirmation link goes to the address if it is known.' })
  async submitDataSubjectRequest(@Args('input') input: PublicDataSubjectRequestInput): Promise<boolean> {
    await this.requests.submitPublic(input);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'The confirmation link of a public request.' })
  async confirmDataSubjectRequest(@Args('token') token: string): Promise<boolean> {
    await this.requests.confirmAddress(token);
    return true;
  }

  @AuthenticatedPerson()
  @Query(() => [DataSubjectRequest], { description: 'Your own requests and where they stand.' })
  myDataSubjectRequests(): Promise<DataSubjectRequest[]> {
    return this.requests.mine();
  }

  @AuthenticatedPerson()
  @Query(() => String, { description: 'Your personal data in this tenant as JSON (docs/privacy/data-subject-export.schema.json).' })
  async myPersonalDataExport(@Args() args: MyExportArgs): Promise<string> {
    return JSON.stringify(await this.rights.exportMine(args.portability));
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Query(() => [DataSubjectRequest], { description: "The privacy officers' queue, by due date; `overdue` is the alarm." })
  dataSubjectRequests(@Args() args: DataSubjectRequestQueueArgs): Promise<DataSubjectRequest[]> {
    return this.requests.queue(args.open, args.first);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: "Record that the person's identity was checked (public requests, address confirmed)." })
  checkDataSubjectIdentity(@Args() args: RequestIdArgs): Promise<DataSubjectRequest> {
    return this.requests.recordIdentityCheck(args.requestId);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: 'Extend once, by up to two months, with a reason, before the first deadline.' })
  extendDataSubjectRequest(@Args('input') input: ExtendDataSubjectRequestInput): Promise<DataSubjectRequest> {
    return this.requests.extend(input.requestId, input.months, input.reason);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectExportAnswer, { description: 'Answer an access or portability request: the export as JSON.' })
  async exportForDataSubjectRequest(@Args() args: RequestIdArgs): Promise<DataSubjectExportAnswer> {
    const document = JSON.stringify(await this.rights.exportFor(args.requestId));
    return Object.assign(new DataSubjectExportAnswer(), { id: args.requestId, document });
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectErasureAnswer, { description: 'Answer an erasure request: deleted, de-identified or kept, per holder, and why.' })
  async eraseForDataSubjectRequest(@Args() args: RequestIdArgs): Promise<DataSubjectErasureAnswer> {
    // The kept records' codes are for the person's answer; the office reads the counts and the reason.
    const holders = (await this.rights.erase(args.requestId)).map(({ kept: _kept, ...outcome }) => Object.assign(new HolderErasureType(), outcome));
    return Object.assign(new DataSubjectErasureAnswer(), { id: args.requestId, holders });
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: 'Uphold an objection (Art. 21): the person leaves every public output, as on their own objection to the contact disclosure, and is told.' })
  upholdDataSubjectObjection(@Args('input') input: UpholdDataSubjectObjectionInput): Promise<DataSubjectRequest> {
    return this.rights.upholdObjection(input.requestId, input.statement);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: "Answer a restriction request: the person's data is only stored from now on." })
  restrictForDataSubjectRequest(@Args() args: RequestIdArgs): Promise<DataSubjectRequest> {
    return this.rights.restrict(args.requestId);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: "Lift the restriction a restriction request put in place: the person is told, and their data is processed again (held e-mails go out)." })
  liftProcessingRestriction(@Args() args: RequestIdArgs): Promise<DataSubjectRequest> {
    return this.rights.liftRestriction(args.requestId);
  }

  @Allow(Permission.HandleDataSubjectRequests)
  @Mutation(() => DataSubjectRequest, { description: 'Close a request answered by hand, or refuse it with the reason (the person is told why and of their right to complain). An erasure request is only refused here (Art. 17(3)); erasing completes it.' })
  closeDataSubjectRequest(@Args('input') input: CloseDataSubjectRequestInput): Promise<DataSubjectRequest> {
    return this.rights.close(input.requestId, input.outcome, input.refused);
  }
}
