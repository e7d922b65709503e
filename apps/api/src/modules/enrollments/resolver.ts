import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { ConnectionArgs } from '../../core/pagination.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Seminar } from '../seminars/types.ts';
import { listEnrollments } from './service.ts';
import { Enrollment, EnrollmentConnection } from './types.ts';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @FieldResolver(() => Seminar, { description: 'The seminar.' })
  seminar(@Root() enrollment: Enrollment, @Ctx() ctx: Context) {
    return ctx.loaders.seminar.load(enrollment.seminarId);
  }

  @FieldResolver(() => Person, { description: 'The person enrolled.' })
  person(@Root() enrollment: Enrollment, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(enrollment.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The home organization that nominated them.' })
  organization(@Root() enrollment: Enrollment, @Ctx() ctx: Context) {
    return enrollment.organizationId ? ctx.loaders.organization.load(enrollment.organizationId) : null;
  }
}

@Resolver(() => Seminar)
export class SeminarEnrollmentsResolver {
  @FieldResolver(() => EnrollmentConnection, { description: 'Who takes part, in the order they applied.' })
  enrollments(@Root() seminar: Seminar, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return listEnrollments(ctx, args, { seminarId: seminar.id });
  }
}
