import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isObjectType,
  isScalarType,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import { getMetadataStorage } from 'type-graphql';
import type { AccessScope, Viewer } from '../core/auth/viewer.ts';
import { chosenOrder, type ListArgs, type ListSpec } from '../core/lists/lists.ts';
import { fromGlobalIdOf } from '../core/node-id.ts';
import { DEFAULT_PAGE_SIZE, type ListOrder, planPage } from '../core/pagination.ts';
import { COLUMN_FIELDS_OF, FIELDS, type FieldPlan, ROOTS, visibleWhere } from './registry.ts';
import { Unsupported } from './unsupported.ts';
import { isDateColumn, orderColumnsSql, orderSql, Params, quote, whereSql } from './where-sql.ts';

/**
 * Compiles a read operation into one SQL statement whose single value is the operation's `data`,
 * built as JSON by PostgreSQL: the selection decides the columns, the nested lists become
 * correlated subqueries, and every rule comes from the same functions the resolvers use. What it
 * cannot compile throws `Unsupported`; the caller then runs the reference resolvers.
 */

export interface CompiledRead {
  text: string;
  values: unknown[];
}

export interface Compiler {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  viewer: Viewer;
  scope: AccessScope;
  params: Params;
}

export function compileRead(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown>,
  viewer: Viewer,
  scope: AccessScope,
): CompiledRead {
  if (operation.operation !== 'query') throw new Unsupported(operation.operation);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) throw new Unsupported('variables with errors');
  const query = schema.getQueryType() as GraphQLObjectType;
  const c: Compiler = { schema, fragments, variables: coerced.coerced, viewer, scope, params: new Params() };
  const fields = collectFields(schema, fragments, c.variables, query, operation.selectionSet);
  const pairs: string[] = [];
  for (const [key, nodes] of fields) {
    const node = nodes[0] as FieldNode;
    const name = node.name.value;
    if (name === '__typename') {
      pairs.push(literal(key), literal(query.name));
      continue;
    }
    const root = ROOTS[name];
    const def = query.getFields()[name];
    if (!root || !def) throw new Unsupported(`Query.${name}`);
    const args = getArgumentValues(def, node, c.variables);
    pairs.push(literal(key), root(c, def, nodes, args));
  }
  // As text, for the answer's body to take it as it is (raw-data.ts): it is never parsed in Node.
  return {
    text: `SELECT ${jsonObject(pairs)}::text AS data`,
    values: c.params.values,
  };
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function jsonObject(pairs: string[]): string {
  // json_build_object takes at most 100 arguments.
  if (pairs.length > 100) throw new Unsupported('more than 50 fields in one object');
  return `json_build_object(${pairs.join(', ')})`;
}

/** The object type a field returns, under its list and non-null wrappers. */
export function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType {
  const named = getNamedType(type);
  if (!isObjectType(named)) throw new Unsupported(`abstract type ${named.name}`);
  return named;
}

const resolvedFields = new Set<string>();
export function hasFieldResolver(typeName: string, field: string): boolean {
  if (resolvedFields.size === 0) {
    for (const resolver of getMetadataStorage().fieldResolvers) {
      const type = resolver.getObjectType?.() as { name?: string } | undefined;
      resolvedFields.add(`${type?.name}.${resolver.schemaName}`);
    }
  }
  return resolvedFields.has(`${typeName}.${field}`);
}

/** The JSON of one row of `type`, aliased `as`, with the fields `nodes` select. */
export function objectSql(c: Compiler, type: GraphQLObjectType, as: string, nodes: readonly FieldNode[]): string {
  const fields = collectSubfields(c.schema, c.fragments, c.variables, type, nodes);
  const pairs: string[] = [];
  for (const [key, fieldNodes] of fields) {
    const node = fieldNodes[0] as FieldNode;
    const name = node.name.value;
    pairs.push(literal(key), name === '__typename' ? literal(type.name) : fieldSql(c, type, name, fieldNodes, as));
  }
  return jsonObject(pairs);
}

function fieldSql(c: Compiler, type: GraphQLObjectType, name: string, nodes: readonly FieldNode[], as: string): string {
  const def = type.getFields()[name];
  if (!def) throw new Unsupported(`${type.name}.${name}`);
  const plan: FieldPlan | undefined = FIELDS[type.name]?.[name];
  if (plan) {
    const args = getArgumentValues(def, nodes[0] as FieldNode, c.variables);
    return plan(c, def, nodes, as, args);
  }
  if (name === 'id' && type.getInterfaces().some((face) => face.name === 'Node')) return globalIdSql(type.name, as);
  if (hasFieldResolver(type.name, name) || !COLUMN_FIELDS_OF.has(type.name)) {
    throw new Unsupported(`${type.name}.${name}`);
  }
  return scalarSql(def.type, `${as}.${quote(name)}`);
}

/** A column's value as the GraphQL scalar serializes it. */
export function scalarSql(type: GraphQLOutputType, ref: string): string {
  const named = getNullableType(type);
  if (isListType(named)) throw new Unsupported('list of scalars');
  if (isEnumType(named)) return ref;
  if (!isScalarType(named)) throw new Unsupported('object as a column');
  switch (named.name) {
    case 'String':
    case 'Int':
    case 'Boolean':
      return ref;
    case 'DateTime':
      return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'Date':
      return `to_char(${ref}, 'YYYY-MM-DD')`;
    default:
      throw new Unsupported(`scalar ${named.name}`);
  }
}

/**
 * base64url of the text's UTF-8 bytes, without padding, as Buffer's `base64url` writes it.
 * PostgreSQL's base64 breaks lines every 76 characters; `short` texts (57 bytes or fewer) have none,
 * and skip the newline step: replace() is about 2.5 times cheaper than translate() here, and a
 * compiled answer holds one global ID per object.
 */
function base64url(bytes: string, short = false): string {
  const encoded = `encode(${bytes}, 'base64')`;
  const lines = short ? encoded : `replace(${encoded}, E'\\n', '')`;
  return `rtrim(replace(replace(${lines}, '+', '-'), '/', '_'), '=')`;
}

/** `toGlobalId(typeName, id)` in SQL. */
export function globalIdSql(typeName: string, as: string): string {
  // "<Type>:" and a 36-character UUID: short enough for one base64 line up to 21 characters of type name.
  if (typeName.length > 21) throw new Unsupported(`global ID of ${typeName}`);
  // A GraphQL type name and a UUID's text hold no backslash, the only byte a text-to-bytea cast reads
  // specially, so the cast gives their bytes as they are: a fifth of Q2's PostgreSQL CPU less
  // than convert_to(…, 'UTF8'), which looks the conversion up on every call.
  return base64url(`(${literal(`${typeName}:`)} || ${as}.id::text)::bytea`, true);
}

/** A text's UTF-8 bytes, whatever it holds (a cursor carries the values it sorts by). */
const utf8 = (text: string) => `convert_to(${text}, 'UTF8')`;

/** `encodeCursor(order.value(row), row.id)` in SQL: the JSON text is built to match JSON.stringify's. */
function cursorSql(model: string, order: ListOrder<{ id: string }>, as: string): string {
  const id = `${as}.id::text`;
  if (!('field' in order) || order.field === undefined) return base64url(utf8(`'[{"v":null},"' || ${id} || '"]'`));
  const ref = `${as}.${quote(order.field)}`;
  let tagged: string;
  if (order.kind === 'date') {
    const iso = isDateColumn(model, order.field)
      ? `to_char(${ref}, 'YYYY-MM-DD') || 'T00:00:00.000Z'`
      : `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    tagged = `'{"d":"' || ${iso} || '"}'`;
  } else if (order.kind === 'number') {
    tagged = `'{"v":' || ${ref}::text || '}'`;
  } else {
    tagged = `'{"v":' || to_json(${ref}::text)::text || '}'`;
  }
  return base64url(utf8(`'[' || ${tagged} || ',"' || ${id} || '"]'`));
}

/** One page of a list: the rows `where` selects, paged by `args` as `paginate` pages them. */
export function connectionSql<Row extends { id: string }, F extends object>(
  c: Compiler,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  args: ListArgs<never> & Record<string, unknown>,
  list: { spec: ListSpec<Row, never>; model: string; where: object; parent?: string },
): string {
  const { spec, model } = list;
  if (args.search != null) throw new Unsupported('search');
  const order = chosenOrder(spec, args.orderBy) as ListOrder<{ id: string }>;
  const plan = planPage(args, order as ListOrder<Row>);
  const forward = args.last == null && args.before == null;
  const cursorGiven = args.after != null || args.before != null;
  const size = (forward ? args.first : args.last) ?? DEFAULT_PAGE_SIZE;
  const connectionType = objectTypeOf(def.type);
  const filter = list.where as F;

  const a = c.params.alias('t');
  const conditionOf = (as: string) => {
    const parts = [whereSql(model, as, filter, c.params)];
    if (list.parent) parts.push(list.parent.replaceAll('$ROW', as));
    return parts.join(' AND ');
  };
  const reading = orderSql(a, plan.query.orderBy);
  const fields = collectSubfields(c.schema, c.fragments, c.variables, connectionType, nodes);
  // Only pageInfo needs the row after the page (is there a next one?) and the rows' order numbers
  // (its cursors); without it, the page alone is read, and put back in the list's order.
  const needsCursors = [...fields.values()].some((fieldNodes) => fieldNodes[0]?.name.value === 'pageInfo');
  const onPage = needsCursors ? ` FILTER (WHERE ${a}._rn <= ${size})` : '';
  // Without pageInfo, the values of each row (its node's JSON, its edge's) are computed in the
  // query that reads the page, beside the columns it is sorted by, rather than over its rows (`*`)
  // carried out of it: PostgreSQL then carries only what the answer holds.
  const values: string[] = [];
  const perRow = (sql: string): string => {
    if (needsCursors) return sql;
    values.push(`${sql} AS _v${values.length}`);
    return `${a}._v${values.length - 1}`;
  };
  const outputOrder = needsCursors ? `${a}._rn ${forward ? 'ASC' : 'DESC'}` : orderSql(a, plan.query.orderBy, !forward);

  const aggregates: string[] = [];
  const pairs: string[] = [];
  for (const [key, fieldNodes] of fields) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    const column = `_${aggregates.length}`;
    if (name === '__typename') {
      pairs.push(literal(key), literal(connectionType.name));
    } else if (name === 'nodes') {
      const nodeType = objectTypeOf(connectionType.getFields().nodes?.type as GraphQLOutputType);
      const node = perRow(objectSql(c, nodeType, a, fieldNodes));
      aggregates.push(`coalesce(json_agg(${node} ORDER BY ${outputOrder})${onPage}, '[]'::json) AS ${column}`);
      pairs.push(literal(key), `g.${column}`);
    } else if (name === 'edges') {
      const edgeType = objectTypeOf(connectionType.getFields().edges?.type as GraphQLOutputType);
      const edgeFields = collectSubfields(c.schema, c.fragments, c.variables, edgeType, fieldNodes);
      const edgePairs: string[] = [];
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeName = (edgeNodes[0] as FieldNode).name.value;
        edgePairs.push(literal(edgeKey));
        if (edgeName === '__typename') edgePairs.push(literal(edgeType.name));
        else if (edgeName === 'cursor') edgePairs.push(cursorSql(model, order, a));
        else if (edgeName === 'node') {
          const nodeType = objectTypeOf(edgeType.getFields().node?.type as GraphQLOutputType);
          edgePairs.push(objectSql(c, nodeType, a, edgeNodes));
        } else throw new Unsupported(`edge field ${edgeName}`);
      }
      aggregates.push(
        `coalesce(json_agg(${perRow(jsonObject(edgePairs))} ORDER BY ${outputOrder})${onPage}, '[]'::json) AS ${column}`,
      );
      pairs.push(literal(key), `g.${column}`);
    } else if (name === 'pageInfo') {
      const infoType = objectTypeOf(connectionType.getFields().pageInfo?.type as GraphQLOutputType);
      const infoFields = collectSubfields(c.schema, c.fragments, c.variables, infoType, fieldNodes);
      const hasMore = `(g._fetched > ${size})`;
      const first = 'g._cursors[1]';
      const last = 'g._cursors[cardinality(g._cursors)]';
      const infoPairs: string[] = [];
      for (const [infoKey, infoNodes] of infoFields) {
        const infoName = (infoNodes[0] as FieldNode).name.value;
        const value = {
          __typename: literal(infoType.name),
          hasNextPage: forward ? hasMore : String(cursorGiven),
          hasPreviousPage: forward ? String(cursorGiven) : hasMore,
          startCursor: forward ? first : last,
          endCursor: forward ? last : first,
        }[infoName];
        if (value === undefined) throw new Unsupported(`pageInfo.${infoName}`);
        infoPairs.push(literal(infoKey), value);
      }
      pairs.push(literal(key), jsonObject(infoPairs));
    } else if (name === 'totalCount') {
      const counted = c.params.alias('k');
      pairs.push(literal(key), `(SELECT count(*)::int FROM ${quote(model)} ${counted} WHERE ${conditionOf(counted)})`);
    } else {
      throw new Unsupported(`connection field ${name}`);
    }
  }
  if (needsCursors) {
    aggregates.push(
      `count(*) AS _fetched`,
      `array_agg(${cursorSql(model, order, a)} ORDER BY ${a}._rn)${onPage} AS _cursors`,
    );
  }
  if (aggregates.length === 0) return `(SELECT ${jsonObject(pairs)})`;
  // Its parameters are added only now: a statement must use every parameter it declares.
  const keyset = whereSql(model, a, plan.query.where, c.params);
  const rows = (columns: string, limit: number) =>
    `SELECT ${columns} FROM ${quote(model)} ${a} WHERE ${conditionOf(a)} AND ${keyset} ORDER BY ${reading} LIMIT ${limit}`;
  const page = needsCursors
    ? `SELECT ${a}.*, row_number() OVER (ORDER BY ${reading}) AS _rn FROM (${rows('*', size + 1)}) ${a}`
    : rows([...orderColumnsSql(a, plan.query.orderBy), ...values].join(', '), size);
  return `(SELECT ${jsonObject(pairs)} FROM (SELECT ${aggregates.join(', ')} FROM (${page}) ${a}) g)`;
}

/** A to-one relation through the key column `column` of the row aliased `as`. */
export function oneSql(
  c: Compiler,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  as: string,
  model: string,
  column: string,
): string {
  const type = objectTypeOf(def.type);
  const r = c.params.alias();
  return `(SELECT ${objectSql(c, type, r, nodes)} FROM ${quote(model)} ${r} WHERE ${r}.id = ${as}.${quote(column)} AND ${whereSql(model, r, visibleWhere(c, model), c.params)})`;
}

/** One row by its global ID, or null: what `ctx.loaders.<model>.load` returns. */
export function byIdSql(
  c: Compiler,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  model: string,
  globalId: unknown,
): string {
  const id = fromGlobalIdOf(model, globalId as string);
  const type = objectTypeOf(def.type);
  const r = c.params.alias();
  return `(SELECT ${objectSql(c, type, r, nodes)} FROM ${quote(model)} ${r} WHERE ${r}.id = ${c.params.add(id)} AND ${whereSql(model, r, visibleWhere(c, model), c.params)})`;
}
