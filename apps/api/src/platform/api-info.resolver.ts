import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@chancery/access';
import { Envelope } from '@chancery/policy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

@Envelope('ApiInfo')
@ObjectType({ description: 'What this server is. Public.' })
export class ApiInfo {
  @Field({ description: 'Version of the Chancery API.' })
  version: string;

  @Field(() => [String], { description: 'Languages documents and messages are available in (ISO 639-1).' })
  languages: string[];
}

const API_VERSION = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string })
  .version;

@Resolver(() => ApiInfo)
export class ApiInfoResolver {
  @Public()
  @Query(() => ApiInfo, { description: 'Version and capabilities of the API. Public.' })
  apiInfo(): ApiInfo {
    return Object.assign(new ApiInfo(), { version: API_VERSION, languages: ['nl', 'fr', 'de', 'en'] });
  }
}
