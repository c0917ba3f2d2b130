import { Args, ArgsType, Field, Float, ID, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Allow, Permission } from '@chancery/access';
import { IsDecimal, MultiLine, OptionalArgument } from '@chancery/core';
import { IsEuVatNumber } from '@chancery/identity';
import { ProjectCertificate, ProjectDistribution, ProjectPartyCandidate, ProjectPartyRole } from './project-certificate.entity';
import { ProjectCertificatesService } from './project-certificates.service';

@InputType()
export class ProjectPartyInput {
  @Field(() => ProjectPartyRole) @IsEnum(ProjectPartyRole) role: ProjectPartyRole;
  @Field(() => ID) @IsUUID() organisationId: string;
}

@InputType()
export class CreateProjectCertificateInput {
  @Field({ description: 'The project reference, e.g. the works contract.' }) @IsString() @Length(1, 200) reference: string;
  @Field({ description: 'Where the material comes from.' }) @IsString() @Length(1, 300) site: string;
  @Field({ description: 'e.g. tar-containing asphalt for thermal cleaning' }) @IsString() @Length(1, 200) material: string;
  @Field(() => Float) @IsDecimal(3) @Min(0.001) @Max(1_000_000) quantityTonnes: number;
  @Field(() => [ProjectPartyInput], { description: 'Exactly one CLIENT, one CONTRACTOR and one INTERMEDIATE_STORAGE; the caller’s company is one of them.' })
  @ValidateNested({ each: true }) @Type(() => ProjectPartyInput) @ArrayMinSize(3) @ArrayMaxSize(3) parties: ProjectPartyInput[];
}

@ArgsType()
class ProjectIdArgs {
  @Field(() => ID) @IsUUID() projectId: string;
}

@ArgsType()
class ProjectListArgs {
  @Field(() => Int, { nullable: true }) @OptionalArgument() @IsInt() @Min(1) @Max(100) first?: number;
}

@ArgsType()
class PartyCandidateArgs {
  @Field({ description: 'The company’s EU VAT number, e.g. BE0123.456.749 (spaces, dots and dashes ignored).' }) @IsString() @Length(4, 30) @IsEuVatNumber() vatNumber: string;
}

@ArgsType()
class NameProjectContactArgs {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => ProjectPartyRole) @IsEnum(ProjectPartyRole) role: ProjectPartyRole;
  @Field(() => ID) @IsUUID() userId: string;
}

@ArgsType()
class DistributeProjectArgs {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field({ description: 'The external system the certificate is sent to.' }) @IsString() @Length(1, 200) target: string;
}

@ArgsType()
class WithdrawProjectArgs {
  @Field(() => ID) @IsUUID() projectId: string;
  @MultiLine() @Field({ description: 'Why it is withdrawn (1–500 characters); the parties read it.' }) @IsString() @Length(1, 500) reason: string;
}

/** Multi-party project certificates (COPRO §5c): parties open and distribute them, staff issue them. */
@Resolver()
export class ProjectCertificatesResolver {
  constructor(private readonly projects: ProjectCertificatesService) {}

  @Allow(Permission.CompleteProjectCertificates)
  @Mutation(() => ProjectCertificate, { description: "Opens a project naming its three parties; the caller is their company's contact person (the disclosure notice applies)." })
  createProjectCertificate(@Args('input') input: CreateProjectCertificateInput): Promise<ProjectCertificate> {
    return this.projects.create(input);
  }

  @Allow(Permission.CompleteProjectCertificates)
  @Query(() => ProjectPartyCandidate, { description: 'The company of the certification body with this VAT number, to name it as a party of a new project (name and city only).' })
  projectPartyCandidate(@Args() { vatNumber }: PartyCandidateArgs): Promise<ProjectPartyCandidate> {
    return this.projects.partyCandidate(vatNumber);
  }

  @Allow(Permission.ReadProjectCertificates)
  @Query(() => [ProjectCertificate], { description: 'The projects the caller’s company is a party to, or the tenant’s (staff); newest first.' })
  projectCertificates(@Args() { first }: ProjectListArgs): Promise<ProjectCertificate[]> {
    return this.projects.list(first ?? 50);
  }

  @Allow(Permission.ReadProjectCertificates)
  @Query(() => ProjectCertificate)
  projectCertificate(@Args() { projectId }: ProjectIdArgs): Promise<ProjectCertificate> {
    return this.projects.get(projectId);
  }

  @Allow(Permission.NameDatasheetContact)
  @Mutation(() => ProjectCertificate, { description: "A party's administrator names its contact person: a colleague who acknowledged the disclosure notice." })
  nameProjectContact(@Args() { projectId, role, userId }: NameProjectContactArgs): Promise<ProjectCertificate> {
    return this.projects.nameContact(projectId, role, userId);
  }

  @Allow(Permission.ReviewDatasheets)
  @Mutation(() => ProjectCertificate, { description: 'Issues the project certificate once every party has a contact person.' })
  issueProjectCertificate(@Args() { projectId }: ProjectIdArgs): Promise<ProjectCertificate> {
    return this.projects.issue(projectId);
  }

  @Allow(Permission.ReviewDatasheets)
  @Mutation(() => ProjectCertificate, { description: 'Withdraws an issued project certificate (issued in error) with a reason: the parties still read it, it is no longer distributed.' })
  withdrawProjectCertificate(@Args() { projectId, reason }: WithdrawProjectArgs): Promise<ProjectCertificate> {
    return this.projects.withdraw(projectId, reason);
  }

  @Allow(Permission.NameDatasheetContact)
  @Mutation(() => ID, { description: 'An administrator of the company that opened the project deletes it while it is a draft (its parties go with it); returns its id. An issued one is withdrawn by staff instead.' })
  deleteProjectCertificateDraft(@Args() { projectId }: ProjectIdArgs): Promise<string> {
    return this.projects.deleteDraft(projectId);
  }

  @Allow(Permission.DistributeProjectCertificates)
  @Mutation(() => ProjectDistribution, { description: "A party's administrator sends the issued certificate to an external system; recorded for every party." })
  distributeProjectCertificate(@Args() { projectId, target }: DistributeProjectArgs): Promise<ProjectDistribution> {
    return this.projects.distribute(projectId, target);
  }
}
