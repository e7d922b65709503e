import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Seminar } from '../seminars/types.ts';
import { applyManyToSeminar, transitionEnrollments } from './bulk.ts';
import {
  EnrollmentsApplyInput,
  EnrollmentsApplyPayload,
  EnrollmentsTransitionInput,
  EnrollmentsTransitionPayload,
} from './bulk-types.ts';
import { EnrollmentApplyInput, EnrollmentPayload, EnrollmentTransitionInput, EnrollmentUpdateInput } from './inputs.ts';
import { EnrollmentListArgs } from './list.ts';
import { applyToSeminar, transitionEnrollment, updateEnrollment } from './mutations.ts';
import { enrollmentsOfSeminar, listEnrollments } from './service.ts';
import { Enrollment, EnrollmentConnection } from './types.ts';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => EnrollmentConnection, {
    description:
      'Enrollments across seminars, the earliest application first: everyone sees their own; staff see those of the seminars they manage.',
  })
  enrollments(@Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: Context) {
    return listEnrollments(ctx, args);
  }

  @Mutation(() => EnrollmentPayload, {
    description: 'Applies to a PUBLISHED seminar, for oneself; staff may nominate anyone, also to a DRAFT.',
  })
  enrollmentApply(
    @Arg('input', () => EnrollmentApplyInput, { description: 'The application.' }) input: EnrollmentApplyInput,
    @Ctx() ctx: Context,
  ) {
    return applyToSeminar(ctx, input);
  }

  @Mutation(() => EnrollmentPayload, {
    description: 'Changes an enrollment’s role and nominating organization, whatever its status. Staff.',
  })
  enrollmentUpdate(
    @Arg('input', () => EnrollmentUpdateInput, { description: 'The changes.' }) input: EnrollmentUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateEnrollment(ctx, input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'APPLIED or WAITLISTED to ACCEPTED: offers a place, within the capacity, while the seminar is DRAFT, PUBLISHED or IN_PROGRESS. Staff.',
  })
  enrollmentAccept(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'accept', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'APPLIED to WAITLISTED, at the end of the waiting list, while the seminar is DRAFT, PUBLISHED or IN_PROGRESS. Staff.',
  })
  enrollmentWaitlist(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'waitlist', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description: 'APPLIED or WAITLISTED to REJECTED, while the seminar is DRAFT, PUBLISHED or IN_PROGRESS. Staff.',
  })
  enrollmentReject(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'reject', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'ACCEPTED to CONFIRMED: the person takes the place, while the seminar is DRAFT, PUBLISHED or IN_PROGRESS. The person or staff.',
  })
  enrollmentConfirm(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'confirm', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'To WITHDRAWN from any open status, while the seminar is DRAFT, PUBLISHED or IN_PROGRESS; a freed place goes to the first on the waiting list. The person or staff.',
  })
  enrollmentWithdraw(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'withdraw', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'CONFIRMED to COMPLETED: the person finished the seminar; once it is IN_PROGRESS or COMPLETED and its last day has begun in its time zone. Staff.',
  })
  enrollmentComplete(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'complete', input);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'CONFIRMED to NO_SHOW: the person did not come; once the seminar is IN_PROGRESS or COMPLETED. A place freed while it runs goes to the first on the waiting list. Staff.',
  })
  enrollmentMarkNoShow(
    @Arg('input', () => EnrollmentTransitionInput, { description: 'The enrollment.' }) input: EnrollmentTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollment(ctx, 'markNoShow', input);
  }

  @Mutation(() => EnrollmentsTransitionPayload, {
    description:
      'Applies one step to many enrollments, each as its single mutation would (same rules, same audit), in the order sent. A refused enrollment is left unchanged and the others proceed; `results` says per enrollment what happened.',
  })
  enrollmentsTransition(
    @Arg('input', () => EnrollmentsTransitionInput, { description: 'The enrollments and the step.' })
    input: EnrollmentsTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionEnrollments(ctx, input);
  }

  @Mutation(() => EnrollmentsApplyPayload, {
    description:
      'Nominates many people to one seminar, each as `enrollmentApply` would, in the order sent. A refused person (already enrolled: CONFLICT) is skipped and the others are enrolled; `results` says per person what happened. Staff.',
  })
  enrollmentsApply(
    @Arg('input', () => EnrollmentsApplyInput, { description: 'The seminar and the people.' })
    input: EnrollmentsApplyInput,
    @Ctx() ctx: Context,
  ) {
    return applyManyToSeminar(ctx, input);
  }

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
  enrollments(@Root() seminar: Seminar, @Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: Context) {
    return enrollmentsOfSeminar(ctx, seminar.id, args);
  }
}
