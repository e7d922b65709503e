import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { encodeNodeIds } from './core/node.ts';
import { UserResolver, ViewerResolver } from './modules/accounts/resolver.ts';
import { ApiKeyResolver } from './modules/api-keys/resolver.ts';
import { AuditEventResolver } from './modules/audit/resolver.ts';
import { EnrollmentResolver, SeminarEnrollmentsResolver } from './modules/enrollments/resolver.ts';
import { MilestoneResolver, ProgressReportResolver, ProposalFollowUpResolver } from './modules/follow-up/resolver.ts';
import { NodeResolver } from './modules/node/resolver.ts';
import { OrganizationResolver } from './modules/organizations/resolver.ts';
import {
  AttendanceResolver,
  EnrollmentParticipationResolver,
  FeedbackResolver,
  ParticipationMutationResolver,
  PersonParticipationResolver,
  SeminarFiguresResolver,
  SessionFiguresResolver,
} from './modules/participation/resolver.ts';
import { OrganizationPeopleResolver, PersonResolver } from './modules/people/resolver.ts';
import { PlaceResolver } from './modules/places/resolver.ts';
import { ProgramResolver, ReviewCriterionResolver } from './modules/programs/resolver.ts';
import { ProposalMemberResolver, ProposalResolver, SeminarProposalsResolver } from './modules/proposals/resolver.ts';
import { ProposalTeamResolver } from './modules/proposals/team.ts';
import { ProposalReviewsResolver, ReviewResolver, ReviewScoreResolver } from './modules/reviews/resolver.ts';
import { ProgramSeminarsResolver, SeminarResolver } from './modules/seminars/resolver.ts';
import { SeminarSessionsResolver, SessionResolver, SessionSpeakerResolver } from './modules/sessions/resolver.ts';
import { UserAdministrationResolver, UserAssignmentsResolver } from './modules/users/resolver.ts';

/** Every feature module's resolvers; a module joins the API by being listed here. */
const resolvers = [
  NodeResolver,
  ViewerResolver,
  UserResolver,
  ApiKeyResolver,
  UserAdministrationResolver,
  UserAssignmentsResolver,
  AuditEventResolver,
  OrganizationResolver,
  OrganizationPeopleResolver,
  PersonResolver,
  PlaceResolver,
  ProgramResolver,
  ReviewCriterionResolver,
  ProgramSeminarsResolver,
  SeminarResolver,
  SeminarSessionsResolver,
  SessionResolver,
  SessionSpeakerResolver,
  SeminarEnrollmentsResolver,
  EnrollmentResolver,
  EnrollmentParticipationResolver,
  AttendanceResolver,
  FeedbackResolver,
  ParticipationMutationResolver,
  SessionFiguresResolver,
  SeminarFiguresResolver,
  PersonParticipationResolver,
  ProposalResolver,
  ProposalMemberResolver,
  ProposalTeamResolver,
  SeminarProposalsResolver,
  ProposalReviewsResolver,
  ProposalFollowUpResolver,
  MilestoneResolver,
  ProgressReportResolver,
  ReviewResolver,
  ReviewScoreResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The API's schema, built once per process from the feature modules' decorated classes. */
export function getSchema(): Promise<GraphQLSchema> {
  // skipCheck: type-graphql would run the whole introspection query against the new schema, about
  // 40 ms of every start. Apollo's start still asserts the schema valid, and schema.test.ts runs
  // the introspection query in its place.
  built ??= buildSchema({ resolvers, validate: false, skipCheck: true }).then(encodeNodeIds);
  return built;
}

/** The contract as committed in schema.graphql: sorted, so that diffs show real changes only. */
export async function printSchemaContract(): Promise<string> {
  const header =
    '# The SeminarHub GraphQL API. Generated from apps/api/src by `pnpm --filter @seminarhub/api schema`: do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(await getSchema()));
}
