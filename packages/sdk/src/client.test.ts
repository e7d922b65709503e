import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LiveApi, startLiveApi } from '../test/live-api.ts';
import * as sdk from './index.ts';
import {
  type ApiKeyFieldsFragment,
  type Client,
  createClient,
  type EnrollmentFieldsFragment,
  ForbiddenError,
  type MilestoneFieldsFragment,
  type OrganizationFieldsFragment,
  type PersonFieldsFragment,
  type PlaceFieldsFragment,
  type ProgramFieldsFragment,
  type ProgressReportFieldsFragment,
  type ProposalFieldsFragment,
  type ReviewCriterionFieldsFragment,
  type ReviewFieldsFragment,
  type SeminarFieldsFragment,
  type SessionFieldsFragment,
  UnauthenticatedError,
  type UserFieldsFragment,
  unwrap,
} from './index.ts';

// Every generated operation, called once or more through the SDK against the live API over HTTP, in the
// order a programme is run: accounts and reference data, a seminar with its agenda and participants, a
// proposal from draft to completion with its reviews and follow-up, then API keys, the audit trail and nodes.
// The `it` blocks share state and run in order; the last one checks that no operation was left out.

/** The operation names the clients sent, read from the request bodies. */
const sent = new Set<string>();
const recordingFetch: typeof fetch = (input, init) => {
  if (typeof init?.body === 'string') sent.add((JSON.parse(init.body) as { operationName: string }).operationName);
  return fetch(input, init);
};

let counter = 0;
/** A name no other object of this file has: deterministic, with a counter. */
const unique = (label: string) => `${label} ${++counter}`;

/** Reads a value recorded by an earlier step. */
function the<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`No ${String(key)} recorded by an earlier step.`);
  return value;
}

let live: LiveApi;
let anonymous: Client;
let admin: Client;
let adminUserId: string;

const connect = (credentials: { token?: string; apiKey?: string }): Client =>
  createClient({ url: live.endpoint, fetch: recordingFetch, retry: false, ...credentials });

/** Signs in through the API with email and password, as a person would. */
async function signIn(email: string, password: string): Promise<Client> {
  const session = unwrap(await anonymous.auth.login({ email, password }));
  expect(session.token).toMatch(/^shs_/);
  return connect({ token: session.token! });
}

beforeAll(async () => {
  live = await startLiveApi();
  admin = connect({ token: (await live.api.as('ADMIN')).token });
  anonymous = connect({});
  adminUserId = (await admin.auth.viewer()).user!.id;
});
afterAll(async () => {
  await live?.close();
});
// Each step builds on the ones before: after a failure, the rest are skipped rather than failing in its wake.
let failed = false;
beforeEach(({ onTestFailed, skip }) => {
  if (failed) skip();
  onTestFailed(() => {
    failed = true;
  });
});

// Shared state, filled in by the steps that create it.
type Participant = 'lead' | 'member' | 'extra' | 'dropout' | 'waiting' | 'rejected';
const PARTICIPANTS: Participant[] = ['lead', 'member', 'extra', 'dropout', 'waiting', 'rejected'];
const organizations = new Map<'funder' | 'implementer' | 'team' | 'experts', OrganizationFieldsFragment>();
const people = new Map<Participant | 'speaker' | 'reviewer' | 'secondReviewer' | 'colleague', PersonFieldsFragment>();
const enrollments = new Map<Participant, EnrollmentFieldsFragment>();
const criteria = new Map<'relevance' | 'feasibility', ReviewCriterionFieldsFragment>();
const milestones = new Map<'training' | 'pilot', MilestoneFieldsFragment>();
const PASSWORD = 'correct horse battery staple';

let coordinator: Client;
let coordinatorUser: UserFieldsFragment;
let lead: Client;
let member: Client;
let reviewer: Client;
let program: ProgramFieldsFragment;
let place: PlaceFieldsFragment;
let seminar: SeminarFieldsFragment;
let deletedSeminar: SeminarFieldsFragment;
let opening: SessionFieldsFragment;
let workshop: SessionFieldsFragment;
let proposal: ProposalFieldsFragment;
let review: ReviewFieldsFragment;
let report: ProgressReportFieldsFragment;
let apiKey: ApiKeyFieldsFragment;

describe('every operation of the SDK against the live API', () => {
  it('auth: an account made by an administrator signs in, reads its viewer, changes its password, signs out', async () => {
    const email = 'coordinator@client-test.example';
    const created = unwrap(await admin.users.create({ email, role: 'COORDINATOR', password: 'first password 123' }));
    expect(created.user).toMatchObject({ email, role: 'COORDINATOR', disabledAt: null, person: null });
    expect(created.generatedPassword).toBeNull();
    coordinatorUser = created.user!;

    const first = unwrap(await anonymous.auth.login({ email, password: 'first password 123' }));
    expect(first.viewer).toMatchObject({ kind: 'USER', role: 'COORDINATOR', user: { id: coordinatorUser.id } });
    expect(first.viewer!.permissions).toContain('MANAGE_ASSIGNED_SEMINARS');
    coordinator = connect({ token: first.token! });
    const other = connect({
      token: unwrap(await anonymous.auth.login({ email, password: 'first password 123' })).token!,
    });

    const viewer = await coordinator.auth.viewer();
    expect(viewer).toMatchObject({ kind: 'USER', role: 'COORDINATOR', user: { email } });
    expect(await anonymous.auth.viewer()).toEqual({
      kind: 'ANONYMOUS',
      role: null,
      permissions: ['READ_PUBLIC'],
      user: null,
    });

    const wrongCurrent = await coordinator.auth.passwordChange({
      currentPassword: 'not it at all',
      newPassword: PASSWORD,
    });
    expect(wrongCurrent).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    const changed = unwrap(
      await coordinator.auth.passwordChange({ currentPassword: 'first password 123', newPassword: PASSWORD }),
    );
    expect(changed.viewer?.user?.email).toBe(email);
    // The change signs out the other sessions, not the one that made it.
    await expect(other.auth.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await coordinator.auth.viewer()).user?.id).toBe(coordinatorUser.id);

    const stale = await anonymous.auth.login({ email, password: 'first password 123' });
    expect(stale).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    const again = await signIn(email, PASSWORD);
    expect(unwrap(await again.auth.logout()).revoked).toBe(true);
    await expect(again.auth.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('organizations: create, get, list by filter and search, update, delete', async () => {
    const specs = [
      ['funder', { name: unique('Korea Cooperation Agency'), acronym: 'KCA', type: 'AGENCY', countryCode: 'KR' }],
      ['implementer', { name: unique('Tashkent Academy of Governance'), type: 'ACADEMIA', countryCode: 'UZ' }],
      ['team', { name: unique('Ministry of Digital Roads'), type: 'MINISTRY', countryCode: 'UZ' }],
      ['experts', { name: unique('Samarkand Policy Institute'), type: 'NGO', countryCode: 'UZ' }],
    ] as const;
    for (const [key, input] of specs) {
      const { organization } = unwrap(await admin.organizations.create(input));
      expect(organization).toMatchObject({ ...input, parent: null });
      organizations.set(key, organization!);
    }
    const team = the(organizations, 'team');
    const unit = unwrap(
      await admin.organizations.create({
        name: unique('Roads Data Unit'),
        type: 'MINISTRY',
        countryCode: 'UZ',
        parentId: team.id,
        website: 'https://roads.example.uz',
      }),
    ).organization!;

    const found = await admin.organizations.get(unit.id);
    expect(found).toMatchObject({ id: unit.id, website: 'https://roads.example.uz', parent: { id: team.id } });
    const children = await admin.organizations.list({ filter: { parentId: { eq: team.id } } });
    expect(children.nodes.map((organization) => organization.id)).toEqual([unit.id]);
    const searched = await admin.organizations.list({ search: 'digital roads', first: 5 });
    expect(searched.nodes.map((organization) => organization.id)).toContain(team.id);
    const ministries = await admin.organizations.list({
      filter: { type: { eq: 'MINISTRY' }, countryCode: { eq: 'UZ' } },
    });
    expect(ministries.nodes.map((organization) => organization.id)).toEqual(expect.arrayContaining([team.id, unit.id]));

    const updated = unwrap(
      await admin.organizations.update({
        id: unit.id,
        version: unit.version,
        acronym: 'RDU',
        description: 'Open data.',
      }),
    ).organization!;
    expect(updated).toMatchObject({ acronym: 'RDU', description: 'Open data.', version: unit.version + 1 });
    const stale = await admin.organizations.update({ id: unit.id, version: unit.version, acronym: 'OLD' });
    expect(stale).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });

    const inUse = await admin.organizations.delete({ id: team.id, version: team.version });
    expect(inUse).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
    expect(unwrap(await admin.organizations.delete({ id: unit.id, version: updated.version })).deletedId).toBe(unit.id);
    expect(await admin.organizations.get(unit.id)).toBeNull();
  });

  it('people: create, get, list by filter and search, update, delete', async () => {
    const team = the(organizations, 'team');
    const experts = the(organizations, 'experts');
    const family = ['Karimova', 'Tursunov', 'Yusupova', 'Rakhimov', 'Nazarova', 'Aliev'];
    for (const [index, key] of PARTICIPANTS.entries()) {
      const { person } = unwrap(
        await admin.people.create({
          givenName: unique('Participant'),
          familyName: family[index]!,
          organizationId: team.id,
          jobTitle: 'Deputy head of department',
          email: `${key}@client-test.example`,
        }),
      );
      expect(person).toMatchObject({ familyName: family[index], organization: { id: team.id } });
      people.set(key, person!);
    }
    const others = [
      ['speaker', { givenName: 'Min-jun', familyName: 'Park', jobTitle: 'Professor', organizationId: experts.id }],
      ['reviewer', { givenName: 'Dilnoza', familyName: 'Saidova', organizationId: experts.id }],
      ['secondReviewer', { givenName: 'Bekzod', familyName: 'Umarov', organizationId: experts.id }],
      // An expert from the team's own ministry: never a reviewer of its proposals.
      ['colleague', { givenName: 'Gulnora', familyName: 'Ismoilova', organizationId: team.id }],
    ] as const;
    for (const [key, input] of others) people.set(key, unwrap(await admin.people.create(input)).person!);

    const speaker = the(people, 'speaker');
    expect(await admin.people.get(speaker.id)).toMatchObject({
      fullName: 'Min-jun Park',
      organization: { id: experts.id },
    });
    const ofTeam = await admin.people.list({ filter: { organizationId: { eq: team.id } }, first: 20 });
    expect(ofTeam.totalCount).toBe(PARTICIPANTS.length + 1);
    const searched = await admin.people.list({ search: 'saidova', filter: { organizationId: { eq: experts.id } } });
    expect(searched.nodes.map((person) => person.id)).toEqual([the(people, 'reviewer').id]);

    const updated = unwrap(
      await admin.people.update({ id: speaker.id, version: speaker.version, bio: 'Public finance.', birthYear: 1975 }),
    ).person!;
    expect(updated).toMatchObject({ bio: 'Public finance.', birthYear: 1975, version: speaker.version + 1 });
    people.set('speaker', updated);

    const mistake = unwrap(await admin.people.create({ givenName: 'Recorded', familyName: 'By Mistake' })).person!;
    expect(unwrap(await admin.people.delete({ id: mistake.id, version: mistake.version })).deletedId).toBe(mistake.id);
    expect(await admin.people.get(mistake.id)).toBeNull();
  });

  it('programs: create, get, list by filter, update, delete', async () => {
    const funderId = the(organizations, 'funder').id;
    const implementerId = the(organizations, 'implementer').id;
    program = unwrap(
      await admin.programs.create({
        code: 'CLIENT-DG-1',
        title: unique('Digital Government Fellowship'),
        sector: 'Governance',
        funderId,
        implementerId,
      }),
    ).program!;
    expect(program).toMatchObject({
      code: 'CLIENT-DG-1',
      funder: { id: funderId },
      implementer: { id: implementerId },
    });
    const taken = await admin.programs.create({ code: 'CLIENT-DG-1', title: 'Twin', funderId, implementerId });
    expect(taken).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT', field: ['input', 'code'] }] });

    program = unwrap(
      await admin.programs.update({ id: program.id, version: program.version, description: 'Two cohorts a year.' }),
    ).program!;
    expect(await admin.programs.get(program.id)).toMatchObject({
      description: 'Two cohorts a year.',
      reviewCriteria: [],
    });
    const listed = await admin.programs.list({ filter: { code: { startsWith: 'CLIENT-' } } });
    expect(listed.nodes.map((found) => found.id)).toEqual([program.id]);

    const spare = unwrap(
      await admin.programs.create({ code: 'CLIENT-SPARE-2', title: unique('Spare'), funderId, implementerId }),
    ).program!;
    expect(unwrap(await admin.programs.delete({ id: spare.id, version: spare.version })).deletedId).toBe(spare.id);
    expect(await admin.programs.get(spare.id)).toBeNull();
  });

  it('users: accounts for people, coordinator assignments, list, update', async () => {
    const accounts = [
      ['lead', 'PARTICIPANT'],
      ['member', 'PARTICIPANT'],
      ['reviewer', 'REVIEWER'],
      ['secondReviewer', 'REVIEWER'],
      ['colleague', 'REVIEWER'],
    ] as const;
    for (const [key, role] of accounts) {
      const person = the(people, key);
      const { user } = unwrap(
        await admin.users.create({
          email: `${key}.account@client-test.example`,
          role,
          personId: person.id,
          password: PASSWORD,
        }),
      );
      expect(user).toMatchObject({ role, person: { id: person.id, fullName: person.fullName } });
    }
    lead = await signIn('lead.account@client-test.example', PASSWORD);
    member = await signIn('member.account@client-test.example', PASSWORD);
    reviewer = await signIn('reviewer.account@client-test.example', PASSWORD);
    expect((await lead.auth.viewer()).user?.person?.id).toBe(the(people, 'lead').id);

    const assigned = unwrap(
      await admin.users.coordinatorAssignmentsSet({
        userId: coordinatorUser.id,
        programIds: [program.id],
        seminarIds: [],
      }),
    );
    expect(assigned.user?.id).toBe(coordinatorUser.id);
    expect(assigned.user?.coordinatedPrograms.map((assignment) => assignment.id)).toEqual([program.id]);
    const notCoordinator = await admin.users.coordinatorAssignmentsSet({
      userId: adminUserId,
      programIds: [program.id],
      seminarIds: [],
    });
    expect(notCoordinator).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });

    const reviewers = await admin.users.list({ filter: { role: { eq: 'REVIEWER' } }, search: 'client test' });
    expect(reviewers.nodes.map((user) => user.email).sort()).toEqual([
      'colleague.account@client-test.example',
      'reviewer.account@client-test.example',
      'secondreviewer.account@client-test.example',
    ]);

    const leaver = unwrap(
      await admin.users.create({ email: 'leaver@client-test.example', role: 'PARTICIPANT', password: PASSWORD }),
    ).user!;
    const disabled = unwrap(await admin.users.update({ id: leaver.id, version: leaver.version, disabled: true })).user!;
    expect(disabled.disabledAt).not.toBeNull();
    const refused = await anonymous.auth.login({ email: 'leaver@client-test.example', password: PASSWORD });
    expect(refused).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    const adminUser = (await admin.auth.viewer()).user!;
    const self = await admin.users.update({ id: adminUser.id, version: adminUser.version, disabled: true });
    expect(self).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });

    const reset = unwrap(await admin.users.passwordReset({ id: leaver.id }));
    expect(reset.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const ownReset = await admin.users.passwordReset({ id: adminUser.id, password: PASSWORD });
    expect(ownReset).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'id'] }] });
  });

  it('places: create, get, list by filter, update, delete', async () => {
    place = unwrap(
      await admin.places.create({
        name: unique('Hilton Tashkent City, Hall A'),
        kind: 'HOTEL',
        city: 'Tashkent',
        countryCode: 'UZ',
        hostOrganizationId: the(organizations, 'implementer').id,
      }),
    ).place!;
    expect(place).toMatchObject({ kind: 'HOTEL', city: 'Tashkent', hostOrganization: { name: expect.any(String) } });
    const version = place.version;
    place = unwrap(await admin.places.update({ id: place.id, version, address: 'Islam Karimov St 7b' })).place!;
    expect(await admin.places.get(place.id)).toMatchObject({ address: 'Islam Karimov St 7b', version: version + 1 });
    const hotels = await admin.places.list({ filter: { kind: { eq: 'HOTEL' }, city: { eq: 'Tashkent' } } });
    expect(hotels.nodes.map((found) => found.id)).toContain(place.id);

    const spare = unwrap(await admin.places.create({ name: unique('Spare room'), countryCode: 'UZ' })).place!;
    expect(spare.kind).toBe('VENUE');
    expect(unwrap(await admin.places.delete({ id: spare.id, version: spare.version })).deletedId).toBe(spare.id);
    expect(await admin.places.get(spare.id)).toBeNull();
  });

  it('review criteria: a coordinator of the programme creates, updates and deletes them', async () => {
    const relevance = unwrap(
      await coordinator.reviewCriteria.create({ programId: program.id, name: 'Relevance', weight: 2 }),
    ).reviewCriterion!;
    expect(relevance).toMatchObject({ minScore: 1, maxScore: 5, weight: 2, position: 0, program: { id: program.id } });
    const feasibility = unwrap(
      await coordinator.reviewCriteria.create({
        programId: program.id,
        name: 'Feasibility',
        description: 'Can it be done?',
      }),
    ).reviewCriterion!;
    expect(feasibility.position).toBe(1);
    const twin = await coordinator.reviewCriteria.create({ programId: program.id, name: 'Relevance' });
    expect(twin).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });
    criteria.set('relevance', relevance);
    criteria.set(
      'feasibility',
      unwrap(
        await coordinator.reviewCriteria.update({
          id: feasibility.id,
          version: feasibility.version,
          description: 'Can the team carry it out with the support offered?',
        }),
      ).reviewCriterion!,
    );
    const spare = unwrap(await coordinator.reviewCriteria.create({ programId: program.id, name: 'Novelty' }))
      .reviewCriterion!;
    expect(unwrap(await coordinator.reviewCriteria.delete({ id: spare.id, version: spare.version })).deletedId).toBe(
      spare.id,
    );
    const listed = await admin.programs.get(program.id);
    expect(listed?.reviewCriteria.map((criterion) => criterion.name)).toEqual(['Relevance', 'Feasibility']);
  });

  it('seminars: create, update, publish, delete a draft, cancel, get, list', async () => {
    seminar = unwrap(
      await coordinator.seminars.create({
        programId: program.id,
        partnerId: the(organizations, 'team').id,
        title: unique('Digital Government Fellowship, spring cohort'),
        code: 'DGF-2021-1',
        startDate: '2021-05-12',
        endDate: '2021-05-16',
        timezone: 'Asia/Tashkent',
        countryCode: 'UZ',
        city: 'Tashkent',
      }),
    ).seminar!;
    expect(seminar).toMatchObject({ status: 'DRAFT', deliveryMode: 'IN_PERSON', capacity: null });
    const draftVersion = seminar.version;
    seminar = unwrap(
      await coordinator.seminars.update({ id: seminar.id, version: seminar.version, capacity: 4, venue: place.name }),
    ).seminar!;
    expect(seminar).toMatchObject({ capacity: 4, venue: place.name, version: draftVersion + 1 });
    const backwards = await coordinator.seminars.update({
      id: seminar.id,
      version: seminar.version,
      endDate: '2021-05-01',
    });
    expect(backwards).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });
    seminar = unwrap(await coordinator.seminars.publish({ id: seminar.id, version: seminar.version })).seminar!;
    expect(seminar.status).toBe('PUBLISHED');

    deletedSeminar = unwrap(
      await coordinator.seminars.create({
        programId: program.id,
        title: unique('Made by mistake'),
        startDate: '2021-09-01',
        endDate: '2021-09-02',
        timezone: 'Asia/Tashkent',
        countryCode: 'UZ',
      }),
    ).seminar!;
    const deleted = unwrap(
      await coordinator.seminars.delete({ id: deletedSeminar.id, version: deletedSeminar.version }),
    );
    expect(deleted.deletedId).toBe(deletedSeminar.id);
    expect(await coordinator.seminars.get(deletedSeminar.id)).toBeNull();

    const calledOff = unwrap(
      await coordinator.seminars.create({
        programId: program.id,
        title: unique('Autumn cohort'),
        startDate: '2021-10-06',
        endDate: '2021-10-10',
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
        deliveryMode: 'ONLINE',
      }),
    ).seminar!;
    const published = unwrap(await coordinator.seminars.publish({ id: calledOff.id, version: calledOff.version }))
      .seminar!;
    const cancelled = unwrap(await coordinator.seminars.cancel({ id: published.id, version: published.version }))
      .seminar!;
    expect(cancelled.status).toBe('CANCELLED');
    const notDraft = await coordinator.seminars.delete({ id: cancelled.id, version: cancelled.version });
    expect(notDraft).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_TRANSITION' }] });

    expect(await anonymous.seminars.get(seminar.id)).toMatchObject({
      status: 'PUBLISHED',
      program: { id: program.id, code: 'CLIENT-DG-1' },
      partner: { id: the(organizations, 'team').id },
    });
    const ofProgram = await coordinator.seminars.list({ filter: { programId: { eq: program.id } } });
    expect(ofProgram.nodes.map((found) => [found.id, found.status]).sort()).toEqual(
      [
        [seminar.id, 'PUBLISHED'],
        [cancelled.id, 'CANCELLED'],
      ].sort(),
    );
    const published2031 = await anonymous.seminars.list({
      filter: { status: { eq: 'PUBLISHED' }, startDate: { gte: '2021-01-01' } },
    });
    expect(published2031.nodes.map((found) => found.id)).toEqual([seminar.id]);
  });

  it('sessions: create within the seminar’s days, update, list, delete; clashes and places in use are refused', async () => {
    const speakers = [{ personId: the(people, 'speaker').id, role: 'SPEAKER' as const }];
    const created = unwrap(
      await coordinator.sessions.create({
        seminarId: seminar.id,
        title: 'Opening and orientation',
        kind: 'OPENING',
        startsAt: '2021-05-12T09:00:00+05:00',
        endsAt: '2021-05-12T10:30:00+05:00',
        placeId: place.id,
        speakers,
      }),
    );
    expect(created.session).toMatchObject({
      startsAt: '2021-05-12T04:00:00.000Z',
      startsAtLocal: '2021-05-12T09:00:00+05:00',
      place: { id: place.id },
      speakers: [{ role: 'SPEAKER', person: { id: the(people, 'speaker').id } }],
    });
    opening = created.session!;
    workshop = unwrap(
      await coordinator.sessions.create({
        seminarId: seminar.id,
        title: 'Workshop: open data',
        kind: 'WORKSHOP',
        startsAt: '2021-05-13T14:00:00+05:00',
        endsAt: '2021-05-13T16:00:00+05:00',
        speakers,
      }),
    ).session!;
    const outside = await coordinator.sessions.create({
      seminarId: seminar.id,
      title: 'After the end',
      kind: 'CLOSING',
      startsAt: '2021-05-17T09:00:00+05:00',
      endsAt: '2021-05-17T10:00:00+05:00',
    });
    expect(outside).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'startsAt'] }] });
    const clash = await coordinator.sessions.update({
      id: workshop.id,
      version: workshop.version,
      startsAt: '2021-05-12T10:00:00+05:00',
      endsAt: '2021-05-12T11:00:00+05:00',
    });
    expect(clash).toMatchObject({ ok: false, userErrors: [{ code: 'CLASH', field: ['input', 'speakers'] }] });

    const openingVersion = opening.version;
    opening = unwrap(
      await coordinator.sessions.update({
        id: opening.id,
        version: opening.version,
        title: 'Opening',
        startsAt: '2021-05-12T09:30:00+05:00',
        attendanceRequired: true,
      }),
    ).session!;
    expect(opening).toMatchObject({
      title: 'Opening',
      startsAtLocal: '2021-05-12T09:30:00+05:00',
      version: openingVersion + 1,
    });

    const agenda = await anonymous.sessions.list({ filter: { seminarId: { eq: seminar.id } } });
    expect(agenda.nodes.map((session) => session.title)).toEqual(['Opening', 'Workshop: open data']);
    const bySpeaker = await coordinator.sessions.list({ filter: { speakerId: { eq: the(people, 'speaker').id } } });
    expect(bySpeaker.totalCount).toBe(2);

    const extra = unwrap(
      await coordinator.sessions.create({
        seminarId: seminar.id,
        title: 'Cultural visit',
        kind: 'CULTURAL_VISIT',
        startsAt: '2021-05-14T15:00:00+05:00',
        endsAt: '2021-05-14T18:00:00+05:00',
      }),
    ).session!;
    expect(unwrap(await coordinator.sessions.delete({ id: extra.id, version: extra.version })).deletedId).toBe(
      extra.id,
    );
    expect((await coordinator.sessions.list({ filter: { seminarId: { eq: seminar.id } } })).totalCount).toBe(2);

    const placeInUse = await admin.places.delete({ id: place.id, version: place.version });
    expect(placeInUse).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
  });

  it('enrollments: apply, accept, waitlist, reject, confirm, withdraw (promoting the waiting list), no-show', async () => {
    type Step = 'accept' | 'waitlist' | 'reject' | 'confirm' | 'withdraw' | 'complete' | 'markNoShow';
    const move = async (client: Client, step: Step, who: Participant) => {
      const before = the(enrollments, who);
      const payload = unwrap(await client.enrollments[step]({ id: before.id, version: before.version }));
      enrollments.set(who, payload.enrollment!);
      return payload;
    };

    // Participants apply for themselves; the coordinator nominates the others.
    for (const [client, who] of [
      [lead, 'lead'],
      [member, 'member'],
    ] as const) {
      const { enrollment } = unwrap(await client.enrollments.apply({ seminarId: seminar.id }));
      expect(enrollment).toMatchObject({ status: 'APPLIED', role: 'PARTICIPANT', person: { id: the(people, who).id } });
      enrollments.set(who, enrollment!);
    }
    for (const who of ['extra', 'dropout', 'waiting', 'rejected'] as const) {
      const input = {
        seminarId: seminar.id,
        personId: the(people, who).id,
        organizationId: the(organizations, 'team').id,
      };
      enrollments.set(who, unwrap(await coordinator.enrollments.apply(input)).enrollment!);
    }
    const twice = await lead.enrollments.apply({ seminarId: seminar.id });
    expect(twice).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });
    const forSomeoneElse = await lead.enrollments.apply({ seminarId: seminar.id, personId: the(people, 'speaker').id });
    expect(forSomeoneElse).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });

    for (const who of ['lead', 'member', 'extra', 'dropout'] as const) {
      expect((await move(coordinator, 'accept', who)).enrollment?.status).toBe('ACCEPTED');
    }
    expect((await move(coordinator, 'waitlist', 'waiting')).enrollment).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect((await move(coordinator, 'reject', 'rejected')).enrollment?.status).toBe('REJECTED');
    const waiting = the(enrollments, 'waiting');
    const full = await coordinator.enrollments.accept({ id: waiting.id, version: waiting.version });
    expect(full).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });

    expect((await move(lead, 'confirm', 'lead')).enrollment?.status).toBe('CONFIRMED');
    await move(coordinator, 'confirm', 'member');
    const withdrawn = await move(coordinator, 'withdraw', 'dropout');
    expect(withdrawn.enrollment?.status).toBe('WITHDRAWN');
    expect(withdrawn.promoted).toMatchObject({ id: waiting.id, status: 'ACCEPTED', waitlistPosition: null });
    enrollments.set('waiting', withdrawn.promoted!);
    await move(coordinator, 'confirm', 'waiting');

    const memberEnrollment = the(enrollments, 'member');
    const updated = unwrap(
      await coordinator.enrollments.update({
        id: memberEnrollment.id,
        version: memberEnrollment.version,
        role: 'TEAM_LEAD',
        organizationId: the(organizations, 'team').id,
      }),
    ).enrollment!;
    expect(updated).toMatchObject({
      role: 'TEAM_LEAD',
      status: 'CONFIRMED',
      organization: { id: the(organizations, 'team').id },
    });
    enrollments.set('member', updated);

    const all = await coordinator.enrollments.list({ filter: { seminarId: { eq: seminar.id } } });
    expect(Object.fromEntries(all.nodes.map((enrollment) => [enrollment.person.id, enrollment.status]))).toEqual({
      [the(people, 'lead').id]: 'CONFIRMED',
      [the(people, 'member').id]: 'CONFIRMED',
      [the(people, 'extra').id]: 'ACCEPTED',
      [the(people, 'dropout').id]: 'WITHDRAWN',
      [the(people, 'waiting').id]: 'CONFIRMED',
      [the(people, 'rejected').id]: 'REJECTED',
    });
    // A participant sees their own enrollments only.
    const own = await lead.enrollments.list();
    expect(own.nodes.map((enrollment) => enrollment.id)).toEqual([the(enrollments, 'lead').id]);

    // In bulk: two late nominations and one already enrolled, then one step for all three, answered per row.
    const late = [];
    for (const familyName of ['Late', 'Later']) {
      late.push(unwrap(await admin.people.create({ givenName: unique('Nominee'), familyName })).person!);
    }
    const nominated = unwrap(
      await coordinator.enrollments.applyMany({
        seminarId: seminar.id,
        people: [...late, the(people, 'lead')].map((person) => ({ personId: person.id })),
      }),
    );
    expect(nominated.results.map((row) => row.enrollment?.status ?? row.userErrors[0]?.code)).toEqual([
      'APPLIED',
      'APPLIED',
      'CONFLICT',
    ]);
    const ids = [
      ...nominated.results.flatMap((row) => (row.enrollment ? [row.enrollment.id] : [])),
      the(enrollments, 'lead').id,
    ];
    const rejected = unwrap(await coordinator.enrollments.transitionMany({ ids, step: 'REJECT' }));
    expect(rejected.results.map((row) => row.enrollment?.status ?? row.userErrors[0]?.code)).toEqual([
      'REJECTED',
      'REJECTED',
      'INVALID_TRANSITION',
    ]);

    // Who did not come, and who finished, is known once the seminar has begun (its days are in the past).
    seminar = unwrap(await coordinator.seminars.start({ id: seminar.id, version: seminar.version })).seminar!;
    expect(seminar.status).toBe('IN_PROGRESS');
    expect((await move(coordinator, 'markNoShow', 'waiting')).enrollment?.status).toBe('NO_SHOW');
    expect((await move(coordinator, 'complete', 'lead')).enrollment?.status).toBe('COMPLETED');
  });

  it('attendance and feedback: mark, give, update, delete', async () => {
    const leadEnrollment = the(enrollments, 'lead');
    const memberEnrollment = the(enrollments, 'member');
    const marked = unwrap(
      await coordinator.attendance.mark({
        sessionId: opening.id,
        entries: [
          { enrollmentId: leadEnrollment.id, status: 'PRESENT', version: 0 },
          { enrollmentId: memberEnrollment.id, status: 'LATE', version: 0 },
        ],
      }),
    );
    expect(
      marked.attendance.map((attendance) => [attendance.enrollment?.id, attendance.status, attendance.session?.id]),
    ).toEqual([
      [leadEnrollment.id, 'PRESENT', opening.id],
      [memberEnrollment.id, 'LATE', opening.id],
    ]);
    const [, late] = marked.attendance;
    // An entry names the version it read (0: not marked yet); marking over a newer one is refused.
    const stale = await coordinator.attendance.mark({
      sessionId: opening.id,
      entries: [{ enrollmentId: leadEnrollment.id, status: 'ABSENT', version: 0 }],
    });
    expect(stale).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });
    const notParticipating = await coordinator.attendance.mark({
      sessionId: opening.id,
      entries: [{ enrollmentId: the(enrollments, 'extra').id, status: 'PRESENT' }],
    });
    expect(notParticipating).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });
    const corrected = unwrap(
      await coordinator.attendance.mark({
        sessionId: opening.id,
        entries: [{ enrollmentId: memberEnrollment.id, status: 'PRESENT', version: late!.version }],
      }),
    );
    expect(corrected.attendance).toMatchObject([{ status: 'PRESENT', version: late!.version + 1 }]);

    const given = unwrap(
      await lead.feedback.give({ seminarId: seminar.id, sessionId: opening.id, rating: 4, comment: 'Clear.' }),
    ).feedback!;
    expect(given).toMatchObject({ rating: 4, anonymous: false, session: { id: opening.id } });
    const again = await lead.feedback.give({ seminarId: seminar.id, sessionId: opening.id, rating: 5 });
    expect(again).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });
    const changed = unwrap(
      await lead.feedback.update({ id: given.id, version: given.version, rating: 5, comment: 'Clear and useful.' }),
    ).feedback!;
    expect(changed).toMatchObject({ rating: 5, comment: 'Clear and useful.', version: given.version + 1 });
    const notTheirs = await member.feedback.update({ id: given.id, version: changed.version, rating: 1 });
    expect(notTheirs).toMatchObject({ ok: false, userErrors: [{ code: 'NOT_FOUND' }] });

    const anonymousFeedback = unwrap(
      await member.feedback.give({ seminarId: seminar.id, rating: 3, anonymous: true, comment: 'Too short.' }),
    ).feedback!;
    expect(anonymousFeedback).toMatchObject({ anonymous: true, session: null });
    const removed = unwrap(
      await coordinator.feedback.delete({ id: anonymousFeedback.id, version: anonymousFeedback.version }),
    );
    expect(removed.deletedId).toBe(anonymousFeedback.id);

    const [rated] = (await anonymous.sessions.list({ filter: { seminarId: { eq: seminar.id } }, first: 1 })).nodes;
    expect(rated).toMatchObject({ id: opening.id, feedbackCount: 1, averageRating: 5 });

    // Sessions with attendance or feedback are history: not deleted.
    const inUse = await coordinator.sessions.delete({ id: opening.id, version: opening.version });
    expect(inUse).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
  });

  it('proposals: a team writes, edits its members and submits; staff request a revision', async () => {
    const person = (key: Participant) => the(people, key).id;
    const created = unwrap(
      await lead.proposals.create({
        seminarId: seminar.id,
        title: unique('Open road data for district planning'),
        memberIds: [person('lead'), person('member')],
        implementingOrganizationId: the(organizations, 'team').id,
      }),
    ).proposal!;
    expect(created).toMatchObject({ status: 'DRAFT', seminar: { id: seminar.id }, submittedAt: null });
    // The answer already shows the team to its new lead, as does a later read.
    expect(created.members.map((entry) => [entry.person.id, entry.role])).toEqual([
      [person('lead'), 'LEAD'],
      [person('member'), 'MEMBER'],
    ]);
    const written = await lead.proposals.get(created.id);
    expect(written).toMatchObject({ implementingOrganization: { id: the(organizations, 'team').id } });
    expect(written?.members.map((entry) => [entry.person.id, entry.role])).toEqual([
      [person('lead'), 'LEAD'],
      [person('member'), 'MEMBER'],
    ]);
    const notEnrolled = await lead.proposals.create({
      seminarId: seminar.id,
      title: 'With a stranger',
      memberIds: [person('lead'), person('rejected')],
    });
    expect(notEnrolled).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'memberIds'] }] });

    proposal = unwrap(
      await member.proposals.update({
        id: created.id,
        version: created.version,
        summary: 'Publish road works as open data.',
        problem: 'Districts plan without knowing what the ministry builds.',
      }),
    ).proposal!;
    const candidates = await lead.proposals.get(proposal.id);
    expect(candidates?.teamCandidates.map((candidate) => candidate.personId)).toContain(person('extra'));
    const added = unwrap(
      await lead.proposals.memberAdd({ proposalId: proposal.id, personId: person('extra'), version: proposal.version }),
    ).proposal!;
    expect(added.members.map((entry) => entry.person.id)).toContain(person('extra'));
    const handedOver = unwrap(
      await lead.proposals.memberRoleSet({
        proposalId: added.id,
        personId: person('member'),
        role: 'LEAD',
        version: added.version,
      }),
    ).proposal!;
    expect(Object.fromEntries(handedOver.members.map((entry) => [entry.person.id, entry.role]))).toEqual({
      [person('lead')]: 'MEMBER',
      [person('member')]: 'LEAD',
      [person('extra')]: 'MEMBER',
    });
    const removed = unwrap(
      await coordinator.proposals.memberRemove({
        proposalId: handedOver.id,
        personId: person('extra'),
        version: handedOver.version,
      }),
    ).proposal!;
    expect(removed.members).toHaveLength(2);
    proposal = removed;

    proposal = unwrap(await member.proposals.submit({ id: proposal.id, version: proposal.version })).proposal!;
    expect(proposal.status).toBe('SUBMITTED');
    expect(proposal.submittedAt).not.toBeNull();
    const locked = await lead.proposals.update({ id: proposal.id, version: proposal.version, title: 'Too late' });
    expect(locked).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_TRANSITION' }] });
    const notStaff = await lead.proposals.startReview({ id: proposal.id, version: proposal.version });
    expect(notStaff).toMatchObject({ ok: false, userErrors: [{ code: 'NOT_FOUND' }] });
    proposal = unwrap(await coordinator.proposals.startReview({ id: proposal.id, version: proposal.version }))
      .proposal!;
    proposal = unwrap(
      await coordinator.proposals.requestRevision({
        id: proposal.id,
        version: proposal.version,
        note: 'Name the districts of the pilot.',
      }),
    ).proposal!;
    expect(proposal.status).toBe('REVISION_REQUESTED');
    proposal = unwrap(
      await lead.proposals.update({
        id: proposal.id,
        version: proposal.version,
        objectives: 'Pilot in Chirchiq and Angren districts.',
      }),
    ).proposal!;
    proposal = unwrap(await lead.proposals.submit({ id: proposal.id, version: proposal.version })).proposal!;
    proposal = unwrap(await coordinator.proposals.startReview({ id: proposal.id, version: proposal.version }))
      .proposal!;
    expect(proposal).toMatchObject({ status: 'UNDER_REVIEW', objectives: 'Pilot in Chirchiq and Angren districts.' });
  });

  it('reviews: assign, unassign, submit, update; criteria scored are protected', async () => {
    const assign = (key: 'reviewer' | 'secondReviewer' | 'colleague') =>
      coordinator.reviews.assign({ proposalId: proposal.id, reviewerId: the(people, key).id });
    expect(unwrap(await assign('reviewer')).assigned).toBe(true);
    expect(unwrap(await assign('secondReviewer')).assigned).toBe(true);
    const ownOrganization = await assign('colleague');
    expect(ownOrganization).toMatchObject({
      ok: false,
      userErrors: [{ code: 'INVALID', field: ['input', 'reviewerId'] }],
    });
    const notReviewer = await coordinator.reviews.assign({
      proposalId: proposal.id,
      reviewerId: the(people, 'speaker').id,
    });
    expect(notReviewer).toMatchObject({ ok: false, userErrors: [{ code: 'NOT_FOUND' }] });
    const unassigned = unwrap(
      await coordinator.reviews.unassign({ proposalId: proposal.id, reviewerId: the(people, 'secondReviewer').id }),
    );
    expect(unassigned.unassigned).toBe(true);

    const relevance = the(criteria, 'relevance');
    const feasibility = the(criteria, 'feasibility');
    const incomplete = await reviewer.reviews.submit({
      proposalId: proposal.id,
      recommendation: 'SELECT',
      scores: [{ criterionId: relevance.id, score: 4 }],
    });
    expect(incomplete).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'scores'] }] });
    const submitted = unwrap(
      await reviewer.reviews.submit({
        proposalId: proposal.id,
        recommendation: 'COMMEND',
        comment: 'Strong problem statement.',
        scores: [
          { criterionId: relevance.id, score: 4 },
          { criterionId: feasibility.id, score: 5 },
        ],
      }),
    ).review!;
    // Relevance weighs 2, feasibility 1: (2 × 4 + 5) / 3.
    expect(submitted).toMatchObject({
      recommendation: 'COMMEND',
      weightedScore: 4.33,
      reviewer: { id: the(people, 'reviewer').id },
      proposal: { id: proposal.id },
    });
    expect(submitted.scores).toHaveLength(2);
    const updated = unwrap(
      await reviewer.reviews.update({
        id: submitted.id,
        version: submitted.version,
        recommendation: 'SELECT',
        commentToAuthors: 'Add a budget.',
        scores: [
          { criterionId: relevance.id, score: 5 },
          { criterionId: feasibility.id, score: 4 },
        ],
      }),
    ).review!;
    expect(updated).toMatchObject({ recommendation: 'SELECT', weightedScore: 4.67, version: submitted.version + 1 });
    review = updated;

    const reviewed = await coordinator.reviews.unassign({
      proposalId: proposal.id,
      reviewerId: the(people, 'reviewer').id,
    });
    expect(reviewed).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
    const rescale = await coordinator.reviewCriteria.update({
      id: relevance.id,
      version: relevance.version,
      maxScore: 10,
    });
    expect(rescale).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'maxScore'] }] });
    const scored = await coordinator.reviewCriteria.delete({ id: relevance.id, version: relevance.version });
    expect(scored).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
  });

  it('proposal decisions and follow-up: commend, select, milestones, implementation, progress reports, complete', async () => {
    proposal = unwrap(
      await coordinator.proposals.commend({ id: proposal.id, version: proposal.version, note: 'Best of the cohort.' }),
    ).proposal!;
    proposal = unwrap(
      await coordinator.proposals.selectForSupport({
        id: proposal.id,
        version: proposal.version,
        supportType: 'PILOT',
        note: 'Funded for one year.',
      }),
    ).proposal!;
    expect(proposal.status).toBe('SELECTED_FOR_SUPPORT');

    for (const [key, title, dueDate] of [
      ['training', 'Train district planners', '2021-09-30'],
      ['pilot', 'Pilot the open data portal', '2021-12-31'],
    ] as const) {
      const { milestone } = unwrap(await lead.milestones.create({ proposalId: proposal.id, title, dueDate }));
      expect(milestone).toMatchObject({ title, dueDate, status: 'PLANNED', proposal: { id: proposal.id } });
      milestones.set(key, milestone!);
    }
    const training = the(milestones, 'training');
    milestones.set(
      'training',
      unwrap(
        await member.milestones.update({
          id: training.id,
          version: training.version,
          description: 'Two workshops in each district.',
          dueDate: '2021-10-15',
        }),
      ).milestone!,
    );
    const tooEarly = await lead.milestones.start({ id: training.id, version: training.version + 1 });
    expect(tooEarly).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_TRANSITION' }] });

    proposal = unwrap(await coordinator.proposals.startImplementation({ id: proposal.id, version: proposal.version }))
      .proposal!;
    expect(proposal.status).toBe('IN_IMPLEMENTATION');
    const step = async (action: 'start' | 'complete' | 'miss', key: 'training' | 'pilot') => {
      const before = the(milestones, key);
      const after = unwrap(await lead.milestones[action]({ id: before.id, version: before.version })).milestone!;
      milestones.set(key, after);
      return after;
    };
    expect((await step('start', 'training')).status).toBe('IN_PROGRESS');
    const done = await step('complete', 'training');
    expect(done.status).toBe('DONE');
    expect(done.completedAt).not.toBeNull();
    expect((await step('miss', 'pilot')).status).toBe('MISSED');
    const spare = unwrap(
      await lead.milestones.create({ proposalId: proposal.id, title: 'Spare', dueDate: '2022-01-31' }),
    ).milestone!;
    expect(unwrap(await lead.milestones.delete({ id: spare.id, version: spare.version })).deletedId).toBe(spare.id);

    // Starting implementation scheduled the 3, 6 and 12-month reports; staff add others.
    const followUp = await lead.proposals.get(proposal.id);
    expect(followUp?.progressReports.nodes.map((scheduled) => scheduled.monthsAfter)).toEqual([3, 6, 12]);
    expect(followUp?.milestones.nodes.map((planned) => planned.title)).toEqual([
      'Train district planners',
      'Pilot the open data portal',
    ]);
    report = unwrap(
      await coordinator.progressReports.create({ proposalId: proposal.id, monthsAfter: 9, dueDate: '2021-12-01' }),
    ).progressReport!;
    expect(report).toMatchObject({ monthsAfter: 9, submittedAt: null, milestone: null, outcomeLevel: 'NONE' });
    const twin = await coordinator.progressReports.create({
      proposalId: proposal.id,
      monthsAfter: 9,
      dueDate: '2021-12-02',
    });
    expect(twin).toMatchObject({ ok: false, userErrors: [{ code: 'CONFLICT' }] });
    const empty = await member.progressReports.submit({ id: report.id, version: report.version });
    expect(empty).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID' }] });
    report = unwrap(
      await member.progressReports.update({
        id: report.id,
        version: report.version,
        summary: 'Planners in two districts trained; the portal is late.',
        percentComplete: 60,
        outcomeLevel: 'APPLIED',
        milestoneId: done.id,
      }),
    ).progressReport!;
    expect(report).toMatchObject({ percentComplete: 60, outcomeLevel: 'APPLIED', milestone: { id: done.id } });
    report = unwrap(await member.progressReports.submit({ id: report.id, version: report.version })).progressReport!;
    expect(report.submittedAt).not.toBeNull();
    const waiting = await coordinator.progressReports.list({
      filter: { proposalId: { eq: proposal.id }, awaitingReview: true },
    });
    expect(waiting.nodes.map((node) => node.id)).toEqual([report.id]);
    const due = await coordinator.milestones.list({ filter: { proposalId: { eq: proposal.id }, overdue: false } });
    expect(due.nodes.map((node) => node.status).sort()).toEqual(['DONE', 'MISSED']);
    const reviewed = unwrap(
      await coordinator.progressReports.review({
        id: report.id,
        version: report.version,
        outcome: 'ACCEPTED',
        note: 'Clear and complete.',
      }),
    ).progressReport!;
    expect(reviewed).toMatchObject({ reviewOutcome: 'ACCEPTED', reviewNote: 'Clear and complete.' });
    report = reviewed;
    const submittedDelete = await coordinator.progressReports.delete({ id: report.id, version: report.version });
    expect(submittedDelete).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_TRANSITION' }] });
    const referred = await lead.milestones.delete({ id: done.id, version: done.version });
    expect(referred).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
    const later = unwrap(
      await coordinator.progressReports.create({ proposalId: proposal.id, monthsAfter: 18, dueDate: '2022-06-01' }),
    ).progressReport!;
    expect(unwrap(await coordinator.progressReports.delete({ id: later.id, version: later.version })).deletedId).toBe(
      later.id,
    );

    proposal = unwrap(await coordinator.proposals.complete({ id: proposal.id, version: proposal.version })).proposal!;
    expect(proposal.status).toBe('COMPLETED');
    const history = await lead.proposals.get(proposal.id);
    expect(history?.decisions.map((decision) => [decision.kind, decision.supportType, decision.note])).toEqual([
      ['COMMENDATION', null, 'Best of the cohort.'],
      ['SELECTED_FOR_SUPPORT', 'PILOT', 'Funded for one year.'],
    ]);
    expect(history?.members.map((entry) => [entry.person.id, entry.role]).sort()).toEqual(
      [
        [the(people, 'lead').id, 'MEMBER'],
        [the(people, 'member').id, 'LEAD'],
      ].sort(),
    );
  });

  it('proposals: staff decline one, a lead deletes a draft, list and get', async () => {
    const extra = the(people, 'extra').id;
    let declined = unwrap(
      await coordinator.proposals.create({
        seminarId: seminar.id,
        title: unique('Paperless permits'),
        memberIds: [extra],
      }),
    ).proposal!;
    for (const action of ['submit', 'startReview'] as const) {
      declined = unwrap(await coordinator.proposals[action]({ id: declined.id, version: declined.version })).proposal!;
    }
    declined = unwrap(
      await coordinator.proposals.decline({ id: declined.id, version: declined.version, note: 'Out of scope.' }),
    ).proposal!;
    expect(declined.status).toBe('DECLINED');
    expect(declined.decisions).toMatchObject([{ kind: 'DECLINED', note: 'Out of scope.' }]);
    const wrongType = await coordinator.proposals.decline({
      id: declined.id,
      version: declined.version,
      supportType: 'PILOT',
    });
    expect(wrongType).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID', field: ['input', 'supportType'] }] });

    const draft = unwrap(
      await lead.proposals.create({
        seminarId: seminar.id,
        title: unique('Half an idea'),
        memberIds: [the(people, 'lead').id],
      }),
    ).proposal!;
    expect(unwrap(await lead.proposals.delete({ id: draft.id, version: draft.version })).deletedId).toBe(draft.id);
    expect(await coordinator.proposals.get(draft.id)).toBeNull();
    const history = await coordinator.proposals.delete({ id: proposal.id, version: proposal.version });
    expect(history).toMatchObject({ ok: false, userErrors: [{ code: 'INVALID_TRANSITION' }] });

    const ofSeminar = await coordinator.proposals.list({ filter: { seminarId: { eq: seminar.id } } });
    expect(ofSeminar.nodes.map((found) => [found.id, found.status]).sort()).toEqual(
      [
        [proposal.id, 'COMPLETED'],
        [declined.id, 'DECLINED'],
      ].sort(),
    );
    const ofMember = await coordinator.proposals.list({ filter: { memberId: { eq: extra } } });
    expect(ofMember.nodes.map((found) => found.id)).toEqual([declined.id]);

    seminar = unwrap(await coordinator.seminars.complete({ id: seminar.id, version: seminar.version })).seminar!;
    expect(seminar.status).toBe('COMPLETED');
    const programInUse = await admin.programs.delete({ id: program.id, version: program.version });
    expect(programInUse).toMatchObject({ ok: false, userErrors: [{ code: 'IN_USE' }] });
  });

  it('API keys: create, use, list, revoke', async () => {
    const created = unwrap(await admin.apiKeys.create({ name: unique('Reporting dashboard'), scope: 'READ_WRITE' }));
    expect(created.secret).toMatch(/^shk_/);
    apiKey = created.apiKey!;
    expect(created.secret!.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ scope: 'READ_WRITE', revokedAt: null, createdBy: { id: adminUserId } });

    const thirdParty = connect({ apiKey: created.secret! });
    expect(await thirdParty.auth.viewer()).toMatchObject({ kind: 'API_KEY', user: null });
    const { organization } = unwrap(
      await thirdParty.organizations.create({
        name: unique('Imported partner'),
        type: 'PRIVATE',
        countryCode: 'KZ',
      }),
    );
    const [event] = (await admin.auditEvents.list({ filter: { entityId: organization!.id } })).nodes;
    expect(event).toMatchObject({ action: 'organization.create', actor: null, actorApiKeyId: apiKey.id });

    const active = await admin.apiKeys.list({ filter: { revoked: false, scope: { eq: 'READ_WRITE' } } });
    expect(active.nodes.map((key) => key.id)).toContain(apiKey.id);
    const revoked = unwrap(await admin.apiKeys.revoke({ id: apiKey.id })).apiKey!;
    expect(revoked.revokedAt).not.toBeNull();
    await expect(thirdParty.auth.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
    const stillActive = await admin.apiKeys.list({ filter: { revoked: false } });
    expect(stillActive.nodes.map((key) => key.id)).not.toContain(apiKey.id);
  });

  it('audit events: the history of the seminar, with who did what', async () => {
    const trail = await admin.auditEvents.list({
      filter: { entityId: seminar.id },
      orderBy: { field: 'AT', direction: 'ASC' },
    });
    expect(trail.nodes.map((event) => event.action)).toEqual([
      'seminar.create',
      'seminar.update',
      'seminar.publish',
      'seminar.start',
      'seminar.complete',
    ]);
    expect(new Set(trail.nodes.map((event) => event.actor?.id))).toEqual(new Set([coordinatorUser.id]));
    const publish = trail.nodes[2]!;
    expect(publish).toMatchObject({
      entityType: 'Seminar',
      before: { status: 'DRAFT' },
      after: { status: 'PUBLISHED' },
    });

    const byCoordinator = await admin.auditEvents.list({
      filter: { actorId: coordinatorUser.id, action: { startsWith: 'proposal.' } },
      first: 100,
    });
    expect(byCoordinator.nodes.map((event) => event.action)).toEqual(expect.arrayContaining(['proposal.decline']));
    const forbidden = await coordinator.auditEvents.list().catch((error: unknown) => error);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
  });

  it('nodes: any object by its ID, narrowed by __typename; null for a missing one', async () => {
    const node = await admin.nodes.get(seminar.id);
    if (node?.__typename !== 'Seminar') throw new Error(`Expected a Seminar, got ${node?.__typename}`);
    expect(node).toMatchObject({ seminarStatus: 'COMPLETED', seminarCode: 'DGF-2021-1', program: { id: program.id } });

    const ids = [
      the(organizations, 'team').id,
      the(people, 'speaker').id,
      place.id,
      program.id,
      the(criteria, 'relevance').id,
      opening.id,
      the(enrollments, 'lead').id,
      proposal.id,
      review.id,
      the(milestones, 'training').id,
      report.id,
      coordinatorUser.id,
      apiKey.id,
      deletedSeminar.id,
    ];
    const nodes = await admin.nodes.getMany(ids);
    expect(nodes.map((found) => found?.__typename ?? null)).toEqual([
      'Organization',
      'Person',
      'Place',
      'Program',
      'ReviewCriterion',
      'Session',
      'Enrollment',
      'Proposal',
      'Review',
      'Milestone',
      'ProgressReport',
      'User',
      'ApiKey',
      null,
    ]);
    expect(nodes.map((found) => found?.id ?? null)).toEqual([...ids.slice(0, -1), null]);
    for (const found of nodes) {
      switch (found?.__typename) {
        case 'Enrollment':
          expect(found).toMatchObject({
            enrollmentStatus: 'COMPLETED',
            enrollmentPerson: { id: the(people, 'lead').id },
          });
          break;
        case 'Person':
          expect(found).toMatchObject({ fullName: 'Min-jun Park', personEmail: null, bio: 'Public finance.' });
          break;
        case 'Place':
          expect(found.placeKind).toBe('HOTEL');
          break;
        case 'Proposal':
          expect(found.proposalStatus).toBe('COMPLETED');
          break;
        case 'Review':
          expect(found.weightedScore).toBe(4.67);
          break;
        case 'ApiKey':
          expect(found.revokedAt).not.toBeNull();
          break;
      }
    }
  });

  it('called every operation the SDK generates', () => {
    const generated = Object.keys(sdk)
      .filter((name) => name.endsWith('Document'))
      .map((name) => name.slice(0, -'Document'.length))
      .sort();
    expect(generated.length).toBeGreaterThan(0);
    expect([...sent].sort()).toEqual(generated);
  });
});
