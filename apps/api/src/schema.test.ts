import { readFileSync } from 'node:fs';
import {
  type GraphQLField,
  type GraphQLSchema,
  getIntrospectionQuery,
  graphqlSync,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  validateSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { NODE_LOADERS } from './core/node.ts';
import { getSchema, printSchemaContract } from './schema.ts';

/** Every place in the schema a third-party developer reads, and whether it says what it is. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  const checkField = (typeName: string, field: GraphQLField<unknown, unknown>) => {
    check(`${typeName}.${field.name}`, field.description);
    for (const arg of field.args) check(`${typeName}.${field.name}(${arg.name})`, arg.description);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) checkField(type.name, field);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      check(type.name, type.description);
    }
  }
  return missing;
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    expect(undocumented(await getSchema())).toEqual([]);
  });

  // The check type-graphql skips at each start (skipCheck in schema.ts): a schema that is valid
  // and answers the full introspection query, as GraphiQL and code generators send it.
  it('is valid and answers the introspection query', async () => {
    const schema = await getSchema();
    expect(validateSchema(schema)).toEqual([]);
    const { errors, data } = graphqlSync({ schema, source: getIntrospectionQuery({ descriptions: true }) });
    expect(errors).toBeUndefined();
    const types = (data as { __schema: { types: { name: string }[] } } | undefined)?.__schema.types ?? [];
    expect(types.map((type) => type.name)).toContain('Seminar');
  });

  it('matches the committed schema.graphql', async () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSchemaContract());
  });

  it('can fetch every type that implements Node through node(id:)', async () => {
    const schema = await getSchema();
    const nodeTypes = schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name);
    expect(nodeTypes.sort()).toEqual(Object.keys(NODE_LOADERS).sort());
  });
});
