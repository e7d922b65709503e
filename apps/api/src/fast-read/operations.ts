import {
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { hasFieldResolver } from './compile.ts';
import { FIELDS, ROOTS } from './registry.ts';

/**
 * Random read operations over the schema's query fields, for the differential test: nested
 * selections, aliases, inline and named fragments, paging (first, last, cursors, out of range),
 * sorting and filters with AND/OR/NOT. Seeded, so a failure names an operation that can be rerun.
 */

export interface Pools {
  /** Global IDs by type name, to ask for one object and to filter by reference. */
  ids: Record<string, string[]>;
  /** Words and fragments of the data's texts, for eq/contains/startsWith. */
  texts: string[];
  /** Cursors seen in answers, by connection type; plus garbage. */
  cursors: Record<string, string[]>;
  dates: string[];
  instants: string[];
}

export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REFERENCE_TYPES: Record<string, string> = {
  seminarId: 'Seminar',
  placeId: 'Place',
  programId: 'Program',
  partnerId: 'Organization',
  hostOrganizationId: 'Organization',
  organizationId: 'Organization',
  speakerOrganizationId: 'Organization',
  parentId: 'Organization',
  funderId: 'Organization',
  implementerId: 'Organization',
  speakerId: 'Person',
  personId: 'Person',
};

export class OperationGenerator {
  readonly #random: () => number;
  #fragments: string[] = [];
  #names = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
    seed: number,
  ) {
    this.#random = rng(seed);
  }

  #chance(p: number): boolean {
    return this.#random() < p;
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#random() * list.length)] as T;
  }

  /** One operation: a document and its variables. */
  operation(): { query: string; variables: Record<string, unknown> } {
    this.#fragments = [];
    const query = this.schema.getQueryType() as GraphQLObjectType;
    const roots = Object.keys(ROOTS);
    const count = 1 + Math.floor(this.#random() * 2);
    const parts: string[] = [];
    const variables: Record<string, unknown> = {};
    let definitions = '';
    for (let i = 0; i < count; i++) {
      // Now and then a root the fast path does not compile, so that mixed operations are covered.
      const name = this.#chance(0.08) ? this.#pick(['viewer', 'enrollments', 'node', 'proposals']) : this.#pick(roots);
      const field = query.getFields()[name];
      if (!field) continue;
      const alias = i > 0 || this.#chance(0.2) ? `r${i}: ` : '';
      let args = this.#args(field);
      if (name === 'seminars' && this.#chance(0.3) && !definitions) {
        definitions = '($first: Int, $order: SeminarOrder)';
        variables.first = this.#pick([0, 1, 2, 3, 5, null]);
        variables.order = this.#chance(0.5)
          ? { field: this.#pick(['START_DATE', 'TITLE', 'STATUS']), direction: this.#pick(['ASC', 'DESC']) }
          : null;
        args = '(first: $first, orderBy: $order)';
      }
      parts.push(`${alias}${name}${args} ${this.#selection(getNamedType(field.type) as GraphQLObjectType, 0)}`);
    }
    const body = `query Generated${definitions} { ${parts.join(' ')} }`;
    return { query: [body, ...this.#fragments].join('\n'), variables };
  }

  #args(field: GraphQLField<unknown, unknown>): string {
    const named = getNamedType(field.type);
    const args: string[] = [];
    if (named.name.endsWith('Connection')) {
      const page = this.#random();
      if (page < 0.45) args.push(`first: ${this.#pick([0, 1, 2, 3, 4, 10])}`);
      else if (page < 0.55) args.push(`last: ${this.#pick([1, 2, 3])}`);
      else if (page < 0.58) args.push(`first: ${this.#pick([101, -1])}`);
      const cursors = this.pools.cursors[named.name] ?? [];
      if (this.#chance(0.12) && cursors.length)
        args.push(`${page >= 0.45 && page < 0.55 ? 'before' : 'after'}: ${JSON.stringify(this.#pick(cursors))}`);
      if (this.#chance(0.03)) args.push('after: "bm90IGEgY3Vyc29y"');
      const orderBy = field.args.find((arg) => arg.name === 'orderBy');
      if (orderBy && this.#chance(0.5)) {
        const input = getNamedType(orderBy.type) as GraphQLInputObjectType;
        const fieldEnum = getNamedType(input.getFields().field?.type as GraphQLInputType);
        if (isEnumType(fieldEnum)) {
          const direction = this.#pick(['', ', direction: ASC', ', direction: DESC']);
          args.push(`orderBy: { field: ${this.#pick(fieldEnum.getValues()).name}${direction} }`);
        }
      }
      const filter = field.args.find((arg) => arg.name === 'filter');
      if (filter && this.#chance(0.45))
        args.push(`filter: ${this.#filter(getNamedType(filter.type) as GraphQLInputObjectType, 0)}`);
      if (this.#chance(0.03) && field.args.some((arg) => arg.name === 'search')) args.push('search: "lecture"');
    }
    for (const arg of field.args) {
      if (arg.name !== 'id' || !isNonNullType(arg.type)) continue;
      const ids = this.pools.ids[named.name] ?? [];
      const all = Object.values(this.pools.ids).flat();
      // Mostly one of its type; sometimes another type's ID or a malformed one.
      const id =
        this.#chance(0.93) && ids.length
          ? this.#pick(ids)
          : this.#chance(0.5) && all.length
            ? this.#pick(all)
            : 'not-an-id';
      args.push(`id: ${JSON.stringify(id)}`);
    }
    return args.length ? `(${args.join(', ')})` : '';
  }

  #filter(type: GraphQLInputObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const chosen: string[] = [];
    const count = 1 + Math.floor(this.#random() * 2);
    for (let i = 0; i < count; i++) {
      const field = this.#pick(fields);
      if (field.name === 'AND' || field.name === 'OR') {
        if (depth >= 2) continue;
        const n = Math.floor(this.#random() * 3);
        chosen.push(`${field.name}: [${Array.from({ length: n }, () => this.#filter(type, depth + 1)).join(', ')}]`);
      } else if (field.name === 'NOT') {
        if (depth < 2) chosen.push(`NOT: ${this.#filter(type, depth + 1)}`);
      } else {
        const condition = this.#condition(field.name, getNullableType(field.type) as GraphQLInputType);
        if (condition) chosen.push(`${field.name}: ${condition}`);
      }
    }
    return `{ ${chosen.join(', ')} }`;
  }

  #condition(name: string, type: GraphQLInputType): string | undefined {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return undefined;
    const operators = named.getFields();
    const parts: string[] = [];
    for (const operator of Object.keys(operators)) {
      if (!this.#chance(0.5)) continue;
      const operand = getNamedType(operators[operator]?.type as GraphQLInputType);
      const list = isListType(getNullableType(operators[operator]?.type as GraphQLInputType));
      const value = () => this.#value(name, operand.name, operand);
      parts.push(`${operator}: ${list ? `[${[value(), value()].join(', ')}]` : value()}`);
    }
    if (parts.length === 0) {
      const operator = Object.keys(operators)[0] as string;
      const operand = getNamedType(operators[operator]?.type as GraphQLInputType);
      const list = isListType(getNullableType(operators[operator]?.type as GraphQLInputType));
      parts.push(
        `${operator}: ${list ? `[${this.#value(name, operand.name, operand)}]` : this.#value(name, operand.name, operand)}`,
      );
    }
    return `{ ${parts.join(', ')} }`;
  }

  #value(field: string, typeName: string, type: GraphQLInputType): string {
    if (isEnumType(type)) return this.#pick(type.getValues()).name;
    if (typeName === 'ID') {
      const wanted = this.pools.ids[REFERENCE_TYPES[field] ?? ''] ?? [];
      return JSON.stringify(
        this.#chance(0.9) && wanted.length ? this.#pick(wanted) : this.#pick(Object.values(this.pools.ids).flat()),
      );
    }
    if (typeName === 'Date') return JSON.stringify(this.#pick(this.pools.dates));
    if (typeName === 'DateTime') return JSON.stringify(this.#pick(this.pools.instants));
    if (typeName === 'Int') return String(this.#pick([0, 1, 5, 30, 1990]));
    return JSON.stringify(this.#pick(this.pools.texts));
  }

  #selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const chosen: string[] = [];
    for (const field of fields) {
      const named = getNamedType(field.type);
      const known =
        FIELDS[type.name]?.[field.name] !== undefined ||
        (isLeafType(named) && !hasFieldResolver(type.name, field.name)) ||
        named.name === 'PageInfo' ||
        type.name.endsWith('Connection') ||
        type.name.endsWith('Edge');
      const required = field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      if (required) continue;
      if (isLeafType(named)) {
        if (!this.#chance(known ? 0.45 : 0.03)) continue;
        chosen.push(`${this.#chance(0.1) ? `a${this.#names++}: ` : ''}${field.name}`);
      } else if (isObjectType(named)) {
        if (depth >= 3 || !this.#chance(known ? (type.name.endsWith('Connection') ? 0.6 : 0.35) : 0.02)) continue;
        const alias = this.#chance(0.1) ? `a${this.#names++}: ` : '';
        chosen.push(`${alias}${field.name}${this.#args(field)} ${this.#selection(named, depth + 1)}`);
      }
    }
    if (this.#chance(0.1)) chosen.push('__typename');
    if (chosen.length === 0) chosen.push(type.getFields().id ? 'id' : '__typename');
    if (this.#chance(0.1) && chosen.length > 1) {
      // Part of the selection through an inline fragment, or a named one.
      const moved = chosen.splice(0, Math.ceil(chosen.length / 2));
      if (this.#chance(0.5)) chosen.push(`... on ${type.name} { ${moved.join(' ')} }`);
      else {
        const name = `F${this.#names++}`;
        this.#fragments.push(`fragment ${name} on ${type.name} { ${moved.join(' ')} }`);
        chosen.push(`...${name}`);
      }
    }
    return `{ ${chosen.join(' ')} }`;
  }
}
