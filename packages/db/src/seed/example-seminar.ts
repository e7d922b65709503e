// The example seminar: KOICA CIAT 2025 for civil servants of Uzbekistan's Ministry of Digital Technologies.
// Facts (organisations, programme, seminar title and dates, lecture, visit and proposal titles, the outcome)
// come from the ministry's news item of 2025-10-28 (NEWS_ITEM below). It names no people and gives no times,
// so every person is `isSample`, and times, rooms, attendance, feedback, proposal texts and reviews are
// invented; the seminar description says so.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, SpeakerRole } from '../generated/prisma/client.ts';

// Fixed namespace so that every seeded row has the same id in every database: re-running inserts nothing.
const NAMESPACE = Buffer.from('6f1c2a7e4b9d4c3e8a51d2f0b7e3c9a4', 'hex');

/** Name-based UUID (RFC 9562 version 5) of `key` in the example-seminar namespace. */
export function exampleId(key: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(key).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const EXAMPLE_SEMINAR_ID = exampleId('seminar');
export const EXAMPLE_PROGRAM_ID = exampleId('program');

/** A wall-clock time in Seoul (UTC+9 all year: Korea has no daylight saving time). */
const seoul = (local: string): Date => new Date(`${local}:00+09:00`);

const NEWS_ITEM =
  "Ministry of Digital Technologies of Uzbekistan, news item 'Uzbekistan Studies South Korea's Experience in Digital Governance and Artificial Intelligence Development', 2025-10-28";

// ---------------------------------------------------------------------------------------------
// Organisations and places
// ---------------------------------------------------------------------------------------------

type OrgSpec = Omit<Prisma.OrganizationCreateManyInput, 'id' | 'parentId'>;

const ORGS = {
  ministry: {
    name: 'Ministry of Digital Technologies of the Republic of Uzbekistan',
    acronym: 'MinDigital',
    type: 'MINISTRY',
    countryCode: 'UZ',
    website: 'https://digital.uz',
    description: 'Partner ministry of the example seminar; its civil servants are the participants.',
  },
  koica: {
    name: 'Korea International Cooperation Agency',
    acronym: 'KOICA',
    type: 'AGENCY',
    countryCode: 'KR',
    website: 'https://www.koica.go.kr',
    description: "Korea's development cooperation agency; funds and runs the CIAT programme.",
  },
  seoul: {
    name: 'Seoul Metropolitan Government',
    acronym: 'SMG',
    type: 'LOCAL_GOVERNMENT',
    countryCode: 'KR',
    website: 'https://www.seoul.go.kr',
  },
  topis: {
    name: 'Transportation Management and Information Service',
    acronym: 'TOPIS',
    type: 'LOCAL_GOVERNMENT',
    countryCode: 'KR',
    website: 'https://topis.seoul.go.kr',
    description: "Seoul Metropolitan Government's transport operations and information centre; hosted a site visit.",
  },
  anyang: {
    name: 'Anyang City',
    type: 'LOCAL_GOVERNMENT',
    countryCode: 'KR',
    website: 'https://www.anyang.go.kr',
    description: 'City in Gyeonggi Province; its smart city project hosted a site visit.',
  },
  institute: {
    name: 'Hanbit Institute for Digital Governance',
    acronym: 'HIDG',
    type: 'ACADEMIA',
    countryCode: 'KR',
    description:
      'Sample organisation, invented for the demo: the training venue and the home of the sample Korean expert lecturers.',
  },
} satisfies Record<string, OrgSpec>;
type OrgKey = keyof typeof ORGS;

const ORG_PARENTS: Partial<Record<OrgKey, OrgKey>> = { topis: 'seoul' };

type PlaceSpec = Omit<Prisma.PlaceCreateManyInput, 'id' | 'hostOrganizationId'> & { host?: OrgKey };

const PLACES = {
  venue: {
    name: 'Hanbit Institute Lecture Hall 1',
    kind: 'VENUE',
    city: 'Seoul',
    countryCode: 'KR',
    host: 'institute',
  },
  topisCentre: {
    name: 'Seoul TOPIS Operations Centre',
    kind: 'SITE',
    address: 'Jung-gu, Seoul',
    city: 'Seoul',
    countryCode: 'KR',
    host: 'topis',
  },
  anyangCentre: {
    name: 'Anyang Smart City Integrated Operations Centre',
    kind: 'SITE',
    address: 'Dongan-gu, Anyang, Gyeonggi-do',
    city: 'Anyang',
    countryCode: 'KR',
    host: 'anyang',
  },
  gyeongbokgung: {
    name: 'Gyeongbokgung Palace',
    kind: 'SITE',
    address: '161 Sajik-ro, Jongno-gu, Seoul',
    city: 'Seoul',
    countryCode: 'KR',
  },
} satisfies Record<string, PlaceSpec>;
type PlaceKey = keyof typeof PLACES;

// ---------------------------------------------------------------------------------------------
// People: all invented (the news item names nobody)
// ---------------------------------------------------------------------------------------------

type PersonSpec = Omit<Prisma.PersonCreateManyInput, 'id' | 'organizationId' | 'isSample'> & { org: OrgKey };

const kr = (given: string, family: string, sex: 'FEMALE' | 'MALE', birthYear: number, jobTitle: string, org: OrgKey) =>
  ({
    givenName: given,
    familyName: family,
    sex,
    birthYear,
    jobTitle,
    org,
    nationality: 'KR',
    email: `${given.replace('-', '').toLowerCase()}.${family.toLowerCase()}@example.org`,
  }) satisfies PersonSpec;

const uz = (given: string, family: string, sex: 'FEMALE' | 'MALE', birthYear: number, jobTitle: string) =>
  ({
    givenName: given,
    familyName: family,
    sex,
    birthYear,
    jobTitle,
    org: 'ministry',
    nationality: 'UZ',
    email: `${given.toLowerCase()}.${family.toLowerCase()}@example.org`,
  }) satisfies PersonSpec;

const EXPERTS = {
  parkJihoon: kr('Ji-hoon', 'Park', 'MALE', 1971, 'Senior Research Fellow, Cybersecurity Policy', 'institute'),
  leeSeoyeon: kr('Seo-yeon', 'Lee', 'FEMALE', 1968, 'Professor of Public Administration', 'institute'),
  kimMinjun: kr('Min-jun', 'Kim', 'MALE', 1965, 'Visiting Professor, e-Government', 'institute'),
  choiHyejin: kr('Hye-jin', 'Choi', 'FEMALE', 1976, 'Smart City Policy Adviser', 'institute'),
};

const SITE_HOSTS = {
  jungDonghyun: kr('Dong-hyun', 'Jung', 'MALE', 1979, 'Operations Manager, TOPIS', 'topis'),
  yoonSooah: kr('Soo-ah', 'Yoon', 'FEMALE', 1984, 'Smart City Operations Officer', 'anyang'),
};

// The ministry presenters of the opening day are members of the delegation, so they are participants too.
const PARTICIPANTS = {
  dilshodKarimov: uz('Dilshod', 'Karimov', 'MALE', 1982, 'Head of Department, Digital Government Projects'),
  nodiraYusupova: uz('Nodira', 'Yusupova', 'FEMALE', 1987, 'Chief Specialist, Telecommunications Development'),
  jasurTursunov: uz(
    'Jasur',
    'Tursunov',
    'MALE',
    1985,
    'Head of Division, Artificial Intelligence and Digital Education',
  ),
  malikaRakhimova: uz('Malika', 'Rakhimova', 'FEMALE', 1990, 'Leading Specialist, Digital Education'),
  bekzodAbdullaev: uz('Bekzod', 'Abdullaev', 'MALE', 1988, 'Deputy Head, e-Government Services Department'),
  gulnoraSaidova: uz('Gulnora', 'Saidova', 'FEMALE', 1991, 'Chief Specialist, Regional Digitalization'),
  sardorNematov: uz('Sardor', 'Nematov', 'MALE', 1993, 'Leading Specialist, Information Security'),
  zarinaIsmoilova: uz('Zarina', 'Ismoilova', 'FEMALE', 1994, 'Specialist, Public Services Reform'),
  otabekKhasanov: uz('Otabek', 'Khasanov', 'MALE', 1986, 'Chief Specialist, Data Centre Operations'),
  kamolaMirzaeva: uz('Kamola', 'Mirzaeva', 'FEMALE', 1992, 'Leading Specialist, AI Strategy'),
  shokhrukhErgashev: uz('Shokhrukh', 'Ergashev', 'MALE', 1989, 'Chief Specialist, Digital Public Services'),
  feruzaAzimova: uz('Feruza', 'Azimova', 'FEMALE', 1995, 'Specialist, IT Personnel Training'),
};
type ParticipantKey = keyof typeof PARTICIPANTS;
type ExpertKey = keyof typeof EXPERTS;

const PEOPLE = { ...EXPERTS, ...SITE_HOSTS, ...PARTICIPANTS } satisfies Record<string, PersonSpec>;
type PersonKey = keyof typeof PEOPLE;

// ---------------------------------------------------------------------------------------------
// Programme, seminar and agenda
// ---------------------------------------------------------------------------------------------

const CRITERIA = [
  { name: 'Relevance', weight: 0.3, description: "Fit with Uzbekistan's digital transformation priorities." },
  { name: 'Feasibility', weight: 0.3, description: 'Can the ministry carry it out with realistic resources and time?' },
  { name: 'Impact', weight: 0.25, description: 'Expected benefit for citizens and public administration.' },
  { name: 'Sustainability', weight: 0.15, description: 'Will the results last after the project ends?' },
] as const;
type CriterionName = (typeof CRITERIA)[number]['name'];

type SessionSpec = Omit<
  Prisma.SessionCreateManyInput,
  'id' | 'seminarId' | 'startsAt' | 'endsAt' | 'placeId' | 'hostOrganizationId'
> & {
  /** Local times in Seoul, `YYYY-MM-DDTHH:mm`. */
  starts: string;
  ends: string;
  place?: PlaceKey;
  host?: OrgKey;
  speakers: ReadonlyArray<readonly [PersonKey, SpeakerRole]>;
};

const SESSIONS = {
  nationalProjects: {
    kind: 'PRESENTATION',
    title:
      'Presentation of national projects in digitalization, telecommunications, artificial intelligence and digital education',
    description: "The ministry's representatives present major national projects to KOICA specialists.",
    starts: '2025-10-13T10:00',
    ends: '2025-10-13T12:30',
    place: 'venue',
    host: 'ministry',
    speakers: [
      ['dilshodKarimov', 'PRESENTER'],
      ['nodiraYusupova', 'PRESENTER'],
      ['jasurTursunov', 'PRESENTER'],
    ],
  },
  cybersecurity: {
    kind: 'LECTURE',
    title: "Protecting the Digital Society: Korea's Emerging Cybersecurity System",
    starts: '2025-10-14T10:00',
    ends: '2025-10-14T12:30',
    place: 'venue',
    host: 'koica',
    speakers: [['parkJihoon', 'SPEAKER']],
  },
  antiCorruption: {
    kind: 'LECTURE',
    title: 'History of Development and Best Practices of Anti-Corruption Policy',
    starts: '2025-10-15T10:00',
    ends: '2025-10-15T12:30',
    place: 'venue',
    host: 'koica',
    speakers: [['leeSeoyeon', 'SPEAKER']],
  },
  eGovTechnologies: {
    kind: 'LECTURE',
    title: 'Key Technologies of E-Government',
    starts: '2025-10-16T10:00',
    ends: '2025-10-16T12:30',
    place: 'venue',
    host: 'koica',
    speakers: [['kimMinjun', 'SPEAKER']],
  },
  eGovAdministration: {
    kind: 'LECTURE',
    title: 'Improving Public Administration through E-Government',
    starts: '2025-10-16T14:00',
    ends: '2025-10-16T16:30',
    place: 'venue',
    host: 'koica',
    speakers: [['kimMinjun', 'SPEAKER']],
  },
  topisVisit: {
    kind: 'SITE_VISIT',
    title: "Site visit: Seoul Metropolitan Government's Transportation Management and Information Service (TOPIS)",
    description: "Practical insights into South Korea's digital infrastructure and governance systems.",
    starts: '2025-10-17T14:00',
    ends: '2025-10-17T16:30',
    place: 'topisCentre',
    host: 'topis',
    speakers: [['jungDonghyun', 'SITE_HOST']],
  },
  culturalVisit: {
    kind: 'CULTURAL_VISIT',
    title: "Cultural visit: Korea's historical and cultural sites (Gyeongbokgung Palace)",
    starts: '2025-10-18T10:00',
    ends: '2025-10-18T14:00',
    place: 'gyeongbokgung',
    attendanceRequired: false,
    speakers: [],
  },
  smartCity: {
    kind: 'LECTURE',
    title: 'Smart City Policy Based on Emerging Technologies and Artificial Intelligence',
    starts: '2025-10-20T10:00',
    ends: '2025-10-20T12:30',
    place: 'venue',
    host: 'koica',
    speakers: [['choiHyejin', 'SPEAKER']],
  },
  anyangVisit: {
    kind: 'SITE_VISIT',
    title: 'Site visit: the smart city project in Anyang',
    description: "Practical insights into South Korea's digital infrastructure and governance systems.",
    starts: '2025-10-21T10:00',
    ends: '2025-10-21T13:00',
    place: 'anyangCentre',
    host: 'anyang',
    speakers: [['yoonSooah', 'SITE_HOST']],
  },
  proposalPresentations: {
    kind: 'ACTION_PLAN_PRESENTATION',
    title: 'Presentation of project proposals for implementation in Uzbekistan',
    description:
      'Sample session, invented for the demo: the news item says only that participants developed proposals at the conclusion of the training.',
    starts: '2025-10-23T14:00',
    ends: '2025-10-23T17:00',
    place: 'venue',
    host: 'koica',
    speakers: [
      ['bekzodAbdullaev', 'PRESENTER'],
      ['jasurTursunov', 'PRESENTER'],
      ['dilshodKarimov', 'PRESENTER'],
    ],
  },
} satisfies Record<string, SessionSpec>;
type SessionKey = keyof typeof SESSIONS;

// Everyone attended everything except these.
const ATTENDANCE_EXCEPTIONS: ReadonlyArray<readonly [SessionKey, ParticipantKey, 'LATE' | 'EXCUSED' | 'ABSENT']> = [
  ['nationalProjects', 'sardorNematov', 'LATE'],
  ['antiCorruption', 'gulnoraSaidova', 'LATE'],
  ['eGovAdministration', 'otabekKhasanov', 'EXCUSED'],
  ['culturalVisit', 'feruzaAzimova', 'EXCUSED'],
  ['smartCity', 'kamolaMirzaeva', 'LATE'],
];

const FEEDBACK: ReadonlyArray<{
  by: ParticipantKey;
  session?: SessionKey;
  rating: number;
  comment: string;
  anonymous?: boolean;
}> = [
  {
    by: 'malikaRakhimova',
    session: 'cybersecurity',
    rating: 5,
    comment: "Clear overview of Korea's incident response structure.",
  },
  {
    by: 'zarinaIsmoilova',
    session: 'antiCorruption',
    rating: 4,
    comment: 'Useful cases; more on digital tools for integrity checks would help.',
  },
  {
    by: 'feruzaAzimova',
    session: 'eGovTechnologies',
    rating: 3,
    comment: 'Dense material; slides in advance would have helped.',
  },
  {
    by: 'sardorNematov',
    session: 'topisVisit',
    rating: 5,
    comment: 'Seeing real-time traffic data at TOPIS was the highlight.',
  },
  {
    by: 'otabekKhasanov',
    session: 'anyangVisit',
    rating: 4,
    comment: 'The integrated CCTV and emergency response centre is a model for our regions.',
  },
  { by: 'kamolaMirzaeva', rating: 5, comment: 'Well organised; directly relevant to our AI strategy work.' },
  {
    by: 'shokhrukhErgashev',
    rating: 4,
    comment: 'More time for hands-on work on the proposals would help.',
    anonymous: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Proposals, their review and the decisions
// ---------------------------------------------------------------------------------------------

type Scores = Readonly<Record<CriterionName, number>>;

interface ProposalSpec {
  title: string;
  summary: string;
  problem: string;
  objectives: string;
  status: 'COMMENDED' | 'SELECTED_FOR_SUPPORT';
  submitted: string;
  lead: ParticipantKey;
  members: readonly ParticipantKey[];
  reviews: ReadonlyArray<{ by: ExpertKey; recommendation: 'COMMEND' | 'SELECT'; scores: Scores; comment: string }>;
  /** `decidedAt` of the decisions, Seoul time. */
  decided: string;
  selection?: { supportType: 'FOLLOW_UP_PROJECT' | 'PILOT'; note: string };
}

const COMMENDATION_NOTE = `KOICA experts highly commended the project (${NEWS_ITEM}).`;

const PROPOSALS = {
  sharingEconomy: {
    title: "Introducing the 'Sharing Economy' into the Neighborhood System",
    summary:
      'A mahalla-level digital platform on which residents share tools, equipment, rooms and services, run with the neighbourhood administration and linked to the single portal of public services.',
    problem:
      'Household assets sit idle while neighbours buy or rent the same things; mahalla administrations lack a digital channel for it.',
    objectives:
      'Pilot the platform in two mahallas of one district; measure use and savings; prepare rules for scaling up.',
    status: 'COMMENDED',
    submitted: '2025-10-22T18:00',
    lead: 'bekzodAbdullaev',
    members: ['gulnoraSaidova', 'sardorNematov', 'zarinaIsmoilova'],
    reviews: [
      {
        by: 'choiHyejin',
        recommendation: 'COMMEND',
        scores: { Relevance: 5, Feasibility: 4, Impact: 4, Sustainability: 3 },
        comment: 'Good fit with community-level smart city services.',
      },
      {
        by: 'leeSeoyeon',
        recommendation: 'COMMEND',
        scores: { Relevance: 4, Feasibility: 4, Impact: 4, Sustainability: 3 },
        comment: 'Clarify who operates the platform after the pilot.',
      },
    ],
    decided: '2025-10-24T15:00',
  },
  aiTeachers: {
    title:
      'Enhancing the Capacity of Computer Science Teachers in Artificial Intelligence and Establishing a Certification System',
    summary:
      'A national programme to train computer science teachers in artificial intelligence, with a competency framework and a certification system run with the education authorities.',
    problem:
      'Schools are to teach AI, but few computer science teachers have been trained in it and there is no way to certify their competence.',
    objectives:
      'Define an AI competency framework; train a first cohort of trainers; launch certification exams; reach every region within three years.',
    status: 'SELECTED_FOR_SUPPORT',
    submitted: '2025-10-23T09:00',
    lead: 'jasurTursunov',
    members: ['malikaRakhimova', 'kamolaMirzaeva', 'feruzaAzimova'],
    reviews: [
      {
        by: 'parkJihoon',
        recommendation: 'SELECT',
        scores: { Relevance: 5, Feasibility: 5, Impact: 5, Sustainability: 4 },
        comment: 'Strong, well-scoped; a natural follow-up project.',
      },
      {
        by: 'kimMinjun',
        recommendation: 'SELECT',
        scores: { Relevance: 5, Feasibility: 4, Impact: 5, Sustainability: 4 },
        comment: 'Certification makes the results last; recommend support.',
      },
    ],
    decided: '2025-10-24T15:00',
    selection: {
      supportType: 'FOLLOW_UP_PROJECT',
      note: `KOICA experts proposed supporting the initiative on AI teacher capacity development and certification (${NEWS_ITEM}).`,
    },
  },
  humanFactor: {
    title: 'Reducing the Human Factor through Artificial Intelligence in Digital Public Services',
    summary:
      'Use AI to check applications, route requests and decide routine cases in digital public services automatically, so that fewer decisions depend on an individual official.',
    problem:
      'Many public services still need manual checks, which cause delays, uneven decisions and room for corruption.',
    objectives:
      'Identify ten high-volume services; automate document checks for three of them; publish processing-time indicators.',
    status: 'COMMENDED',
    submitted: '2025-10-23T09:30',
    lead: 'dilshodKarimov',
    members: ['nodiraYusupova', 'otabekKhasanov', 'shokhrukhErgashev'],
    reviews: [
      {
        by: 'leeSeoyeon',
        recommendation: 'COMMEND',
        scores: { Relevance: 5, Feasibility: 4, Impact: 4, Sustainability: 4 },
        comment: 'Directly supports anti-corruption goals.',
      },
      {
        by: 'kimMinjun',
        recommendation: 'COMMEND',
        scores: { Relevance: 5, Feasibility: 3, Impact: 4, Sustainability: 3 },
        comment: 'Needs a data-quality plan before automation.',
      },
    ],
    decided: '2025-10-24T15:00',
  },
} satisfies Record<string, ProposalSpec>;

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as Array<[K, V]>;

const orgId = (key: OrgKey) => exampleId(`organization:${key}`);
const placeId = (key: PlaceKey) => exampleId(`place:${key}`);
const personId = (key: PersonKey) => exampleId(`person:${key}`);
const sessionId = (key: SessionKey) => exampleId(`session:${key}`);
const enrollmentId = (key: ParticipantKey) => exampleId(`enrollment:${key}`);
const criterionId = (name: CriterionName) => exampleId(`criterion:${name}`);
const proposalId = (key: string) => exampleId(`proposal:${key}`);
const reviewId = (proposal: string, reviewer: ExpertKey) => exampleId(`review:${proposal}:${reviewer}`);

function rows() {
  const seminarId = EXAMPLE_SEMINAR_ID;
  const sessions = entries<SessionKey, SessionSpec>(SESSIONS);
  const participants = Object.keys(PARTICIPANTS) as ParticipantKey[];
  const proposals = entries<string, ProposalSpec>(PROPOSALS);

  return {
    organizations: entries<OrgKey, OrgSpec>(ORGS).map(([key, org]): Prisma.OrganizationCreateManyInput => {
      const parent = ORG_PARENTS[key];
      return { ...org, id: orgId(key), parentId: parent ? orgId(parent) : null };
    }),
    places: entries<PlaceKey, PlaceSpec>(PLACES).map(
      ([key, { host, ...place }]): Prisma.PlaceCreateManyInput => ({
        ...place,
        id: placeId(key),
        hostOrganizationId: host ? orgId(host) : null,
      }),
    ),
    people: entries<PersonKey, PersonSpec>(PEOPLE).map(
      ([key, { org, ...person }]): Prisma.PersonCreateManyInput => ({
        ...person,
        id: personId(key),
        organizationId: orgId(org),
        isSample: true,
      }),
    ),
    program: {
      id: EXAMPLE_PROGRAM_ID,
      code: 'KOICA-CIAT',
      title: 'CIAT – Capacity Improvement for Advanced Technology',
      description: "KOICA's training programme on advanced technology for civil servants of partner countries.",
      sector: 'Digital transformation',
      funderId: orgId('koica'),
      implementerId: orgId('koica'),
    } satisfies Prisma.ProgramCreateManyInput,
    criteria: CRITERIA.map(
      (c, position): Prisma.ReviewCriterionCreateManyInput => ({
        ...c,
        id: criterionId(c.name),
        programId: EXAMPLE_PROGRAM_ID,
        minScore: 1,
        maxScore: 5,
        position,
      }),
    ),
    seminar: {
      id: seminarId,
      programId: EXAMPLE_PROGRAM_ID,
      partnerId: orgId('ministry'),
      code: 'KOICA-CIAT-2025-UZ',
      title: 'Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan',
      description:
        "Enhance participants' knowledge and skills in digital technologies, innovation and artificial intelligence, " +
        "promote international experience exchange, and study South Korea's best practices in digital governance. " +
        `Source: ${NEWS_ITEM}. Session times, rooms, people, attendance, feedback, proposal texts and reviews are sample data.`,
      startDate: new Date('2025-10-12'),
      endDate: new Date('2025-10-25'),
      timezone: 'Asia/Seoul',
      venue: PLACES.venue.name,
      city: 'Seoul and Anyang',
      countryCode: 'KR',
      deliveryMode: 'IN_PERSON',
      capacity: 25,
      status: 'COMPLETED',
    } satisfies Prisma.SeminarCreateManyInput,
    sessions: sessions.map(
      ([key, { starts, ends, place, host, speakers: _speakers, ...session }]): Prisma.SessionCreateManyInput => ({
        ...session,
        id: sessionId(key),
        seminarId,
        startsAt: seoul(starts),
        endsAt: seoul(ends),
        placeId: place ? placeId(place) : null,
        hostOrganizationId: host ? orgId(host) : null,
        language: 'en',
      }),
    ),
    speakers: sessions.flatMap(([key, { speakers }]) =>
      speakers.map(
        ([person, role], position): Prisma.SessionSpeakerCreateManyInput => ({
          id: exampleId(`speaker:${key}:${person}:${role}`),
          sessionId: sessionId(key),
          personId: personId(person),
          role,
          position,
        }),
      ),
    ),
    enrollments: participants.map(
      (key): Prisma.EnrollmentCreateManyInput => ({
        id: enrollmentId(key),
        seminarId,
        personId: personId(key),
        organizationId: orgId('ministry'),
        // The head of the delegation (sample).
        role: key === 'dilshodKarimov' ? 'TEAM_LEAD' : 'PARTICIPANT',
        status: 'COMPLETED',
        appliedAt: seoul('2025-08-18T10:00'),
        decidedAt: seoul('2025-09-05T10:00'),
      }),
    ),
    attendance: sessions.flatMap(([session, { ends }]) =>
      participants.map(
        (person): Prisma.AttendanceCreateManyInput => ({
          id: exampleId(`attendance:${session}:${person}`),
          sessionId: sessionId(session),
          enrollmentId: enrollmentId(person),
          status: ATTENDANCE_EXCEPTIONS.find(([s, p]) => s === session && p === person)?.[2] ?? 'PRESENT',
          recordedAt: seoul(ends),
        }),
      ),
    ),
    feedback: FEEDBACK.map(
      ({ by, session, ...rest }): Prisma.FeedbackCreateManyInput => ({
        ...rest,
        id: exampleId(`feedback:${by}:${session ?? 'seminar'}`),
        seminarId,
        sessionId: session ? sessionId(session) : null,
        enrollmentId: enrollmentId(by),
        createdAt: seoul('2025-10-24T18:00'),
      }),
    ),
    proposals: proposals.map(
      ([key, p]): Prisma.ProposalCreateManyInput => ({
        id: proposalId(key),
        seminarId,
        title: p.title,
        summary: p.summary,
        problem: p.problem,
        objectives: p.objectives,
        implementingOrganizationId: orgId('ministry'),
        status: p.status,
        submittedAt: seoul(p.submitted),
      }),
    ),
    members: proposals.flatMap(([key, p]) =>
      [p.lead, ...p.members].map(
        (person, i): Prisma.ProposalMemberCreateManyInput => ({
          id: exampleId(`member:${key}:${person}`),
          proposalId: proposalId(key),
          personId: personId(person),
          role: i === 0 ? 'LEAD' : 'MEMBER',
        }),
      ),
    ),
    assignments: proposals.flatMap(([key, p]) =>
      p.reviews.map(
        ({ by }): Prisma.ReviewAssignmentCreateManyInput => ({
          id: exampleId(`assignment:${key}:${by}`),
          proposalId: proposalId(key),
          reviewerId: personId(by),
        }),
      ),
    ),
    reviews: proposals.flatMap(([key, p]) =>
      p.reviews.map(
        ({ by, recommendation, comment }): Prisma.ReviewCreateManyInput => ({
          id: reviewId(key, by),
          proposalId: proposalId(key),
          reviewerId: personId(by),
          recommendation,
          comment,
          submittedAt: seoul('2025-10-24T12:00'),
        }),
      ),
    ),
    scores: proposals.flatMap(([key, p]) =>
      p.reviews.flatMap(({ by, scores }) =>
        CRITERIA.map(
          ({ name }): Prisma.ReviewScoreCreateManyInput => ({
            id: exampleId(`score:${key}:${by}:${name}`),
            reviewId: reviewId(key, by),
            criterionId: criterionId(name),
            score: scores[name],
          }),
        ),
      ),
    ),
    decisions: proposals.flatMap(([key, p]): Prisma.ProposalDecisionCreateManyInput[] => [
      {
        id: exampleId(`decision:${key}:commendation`),
        proposalId: proposalId(key),
        kind: 'COMMENDATION',
        note: COMMENDATION_NOTE,
        decidedAt: seoul(p.decided),
      },
      ...(p.selection
        ? [
            {
              id: exampleId(`decision:${key}:selection`),
              proposalId: proposalId(key),
              kind: 'SELECTED_FOR_SUPPORT' as const,
              supportType: p.selection.supportType,
              note: p.selection.note,
              decidedAt: seoul(p.decided),
            },
          ]
        : []),
    ]),
  };
}

/**
 * Writes the example seminar with everything around it. Idempotent: every row has a fixed id and is
 * inserted with ON CONFLICT DO NOTHING, so a second run neither changes nor duplicates anything (and does
 * not overwrite edits made to the rows since).
 */
export async function seedExampleSeminar(prisma: PrismaClient): Promise<{ created: boolean }> {
  const r = rows();
  const skipDuplicates = true;
  return prisma.$transaction(
    async (tx) => {
      const existed = (await tx.seminar.count({ where: { id: EXAMPLE_SEMINAR_ID } })) > 0;
      // In foreign-key order.
      await tx.organization.createMany({ data: r.organizations, skipDuplicates });
      await tx.place.createMany({ data: r.places, skipDuplicates });
      await tx.person.createMany({ data: r.people, skipDuplicates });
      await tx.program.createMany({ data: [r.program], skipDuplicates });
      await tx.reviewCriterion.createMany({ data: r.criteria, skipDuplicates });
      await tx.seminar.createMany({ data: [r.seminar], skipDuplicates });
      await tx.session.createMany({ data: r.sessions, skipDuplicates });
      await tx.sessionSpeaker.createMany({ data: r.speakers, skipDuplicates });
      await tx.enrollment.createMany({ data: r.enrollments, skipDuplicates });
      await tx.attendance.createMany({ data: r.attendance, skipDuplicates });
      await tx.feedback.createMany({ data: r.feedback, skipDuplicates });
      await tx.proposal.createMany({ data: r.proposals, skipDuplicates });
      await tx.proposalMember.createMany({ data: r.members, skipDuplicates });
      await tx.reviewAssignment.createMany({ data: r.assignments, skipDuplicates });
      await tx.review.createMany({ data: r.reviews, skipDuplicates });
      await tx.reviewScore.createMany({ data: r.scores, skipDuplicates });
      await tx.proposalDecision.createMany({ data: r.decisions, skipDuplicates });
      return { created: !existed };
    },
    // Generous: a cold embedded database can be slow to answer the first statements.
    { maxWait: 10_000, timeout: 30_000 },
  );
}
