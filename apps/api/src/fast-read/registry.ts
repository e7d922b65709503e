import type { FieldNode, GraphQLField } from 'graphql';
import { personalDetailsWhere, personWhere, seminarWhere, sessionWhere } from '../core/auth/visibility.ts';
import { whereOf } from '../core/lists/filters.ts';
import type { ListArgs, ListSpec } from '../core/lists/lists.ts';
import { ORGANIZATION_LIST } from '../modules/organizations/list.ts';
import { PERSON_LIST } from '../modules/people/list.ts';
import { PLACE_LIST } from '../modules/places/list.ts';
import { PROGRAM_LIST } from '../modules/programs/list.ts';
import { SEMINAR_LIST } from '../modules/seminars/list.ts';
import { SESSION_LIST } from '../modules/sessions/list.ts';
import { byIdSql, type Compiler, connectionSql, objectSql, objectTypeOf, oneSql, scalarSql } from './compile.ts';
import { quote, whereSql } from './where-sql.ts';

/**
 * What the fast path knows of the schema: the root fields it compiles, the relation and computed
 * fields of each type, and each model's visibility, taken from auth/visibility.ts as the loaders and
 * list services take it. A field not listed here is compiled only when it is a plain column
 * (a `@Field` without a field resolver, which reads the row's property of that name).
 */

type Args = Record<string, unknown>;
type Nodes = readonly FieldNode[];
type Def = GraphQLField<unknown, unknown>;
export type FieldPlan = (c: Compiler, def: Def, nodes: Nodes, as: string, args: Args) => string;
export type RootPlan = (c: Compiler, def: Def, nodes: Nodes, args: Args) => string;

interface Model {
  /** The rows of it a viewer may read, as every path to it (lists, loaders) applies it. */
  visible: (c: Compiler) => object;
}

const everything = () => ({});
const MODELS: Record<string, Model> = {
  Seminar: { visible: (c) => seminarWhere(c.viewer, c.scope) },
  Session: { visible: (c) => sessionWhere(c.viewer, c.scope) },
  Person: { visible: (c) => personWhere(c.viewer, c.scope) },
  Organization: { visible: everything },
  Place: { visible: everything },
  Program: { visible: everything },
  SessionSpeaker: { visible: everything },
};

/** Types whose objects are rows of the model of the same name, so a plain field is its column. */
export const COLUMN_FIELDS_OF: ReadonlySet<string> = new Set(Object.keys(MODELS));

export function visibleWhere(c: Compiler, model: string): object {
  const entry = MODELS[model];
  if (!entry) throw new Error(`no model ${model}`);
  return entry.visible(c);
}

// biome-ignore lint/suspicious/noExplicitAny: each list's own filter type is checked by its spec
type AnySpec = ListSpec<any, any>;

/** A list's page, with the viewer's visibility and the filter given, as its service builds it. */
function page(spec: AnySpec, model: string, c: Compiler, def: Def, nodes: Nodes, args: Args, parent?: string) {
  const listArgs = args as unknown as ListArgs<never> & Args;
  const where = { AND: [visibleWhere(c, model), whereOf(listArgs.filter as never, spec.filter)] };
  return connectionSql(c, def, nodes, listArgs, { spec, model, where, ...(parent ? { parent } : {}) });
}

const rootList =
  (spec: AnySpec, model: string): RootPlan =>
  (c, def, nodes, args) =>
    page(spec, model, c, def, nodes, args);

const rootById =
  (model: string): RootPlan =>
  (c, def, nodes, args) =>
    byIdSql(c, def, nodes, model, args.id);

export const ROOTS: Record<string, RootPlan> = {
  seminars: rootList(SEMINAR_LIST, 'Seminar'),
  sessions: rootList(SESSION_LIST, 'Session'),
  people: rootList(PERSON_LIST, 'Person'),
  organizations: rootList(ORGANIZATION_LIST, 'Organization'),
  places: rootList(PLACE_LIST, 'Place'),
  programs: rootList(PROGRAM_LIST, 'Program'),
  seminar: rootById('Seminar'),
  person: rootById('Person'),
  organization: rootById('Organization'),
  place: rootById('Place'),
  program: rootById('Program'),
};

const one =
  (model: string, column: string): FieldPlan =>
  (c, def, nodes, as) =>
    oneSql(c, def, nodes, as, model, column);

/** A list nested under each row: `$ROW` is the child, `as` the parent. */
const nested =
  (spec: AnySpec, model: string, column: string): FieldPlan =>
  (c, def, nodes, as, args) =>
    page(spec, model, c, def, nodes, args, `$ROW.${quote(column)} = ${as}.id`);

/** Contact and personal details: the column, for viewers `personalDetailsWhere` lets read them. */
const personal =
  (column: string): FieldPlan =>
  (c, def, _nodes, as) =>
    `CASE WHEN ${whereSql('Person', as, personalDetailsWhere(c.viewer, c.scope), c.params)} THEN ${scalarSql(def.type, `${as}.${quote(column)}`)} END`;

/**
 * `toZonedIso(session.<column>, seminar.timezone)`: the wall time there and its offset, "+00:00" for
 * UTC itself, from PostgreSQL's time zone data (time-zones.ts admits only zones both know).
 */
const zoned =
  (column: string): FieldPlan =>
  (c, _def, _nodes, as) => {
    const s = c.params.alias();
    const zone = `coalesce((SELECT ${s}.timezone FROM "Seminar" ${s} WHERE ${s}.id = ${as}."seminarId" AND ${whereSql('Seminar', s, visibleWhere(c, 'Seminar'), c.params)}), 'UTC')`;
    const instant = `${as}.${quote(column)}`;
    const seconds = `extract(epoch FROM (${instant} AT TIME ZONE ${zone}) - (${instant} AT TIME ZONE 'UTC'))::int`;
    const offset = `(CASE WHEN ${seconds} < 0 THEN '-' ELSE '+' END || lpad((abs(${seconds}) / 3600)::text, 2, '0') || ':' || lpad((abs(${seconds}) % 3600 / 60)::text, 2, '0'))`;
    return `(to_char(${instant} AT TIME ZONE ${zone}, 'YYYY-MM-DD"T"HH24:MI:SS') || ${offset})`;
  };

export const FIELDS: Record<string, Record<string, FieldPlan>> = {
  Seminar: {
    program: one('Program', 'programId'),
    partner: one('Organization', 'partnerId'),
    sessions: nested(SESSION_LIST, 'Session', 'seminarId'),
  },
  Session: {
    seminar: one('Seminar', 'seminarId'),
    place: one('Place', 'placeId'),
    hostOrganization: one('Organization', 'hostOrganizationId'),
    startsAtLocal: zoned('startsAt'),
    endsAtLocal: zoned('endsAt'),
    // ctx.loaders.speakersBySession: every speaker of the session, in agenda order.
    speakers: (c, def, nodes, as) => {
      const r = c.params.alias();
      const speaker = objectSql(c, objectTypeOf(def.type), r, nodes);
      return `coalesce((SELECT json_agg(${speaker} ORDER BY ${r}.position ASC, ${r}.id ASC) FROM "SessionSpeaker" ${r} WHERE ${r}."sessionId" = ${as}.id), '[]'::json)`;
    },
  },
  SessionSpeaker: { person: one('Person', 'personId') },
  Person: {
    organization: one('Organization', 'organizationId'),
    fullName: (_c, _def, _nodes, as) => `${as}."givenName" || ' ' || ${as}."familyName"`,
    email: personal('email'),
    phone: personal('phone'),
    sex: personal('sex'),
    birthYear: personal('birthYear'),
    nationality: personal('nationality'),
  },
  Organization: {
    parent: one('Organization', 'parentId'),
    children: nested(ORGANIZATION_LIST, 'Organization', 'parentId'),
    people: nested(PERSON_LIST, 'Person', 'organizationId'),
  },
  Place: { hostOrganization: one('Organization', 'hostOrganizationId') },
  Program: {
    funder: one('Organization', 'funderId'),
    implementer: one('Organization', 'implementerId'),
    seminars: nested(SEMINAR_LIST, 'Seminar', 'programId'),
  },
};
