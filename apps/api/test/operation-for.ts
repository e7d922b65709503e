import { type GraphQLField, getNamedType, isLeafType } from 'graphql';

/** One GraphQL operation for a root field, named `<prefix><field>`, every argument a variable of its declared type. */
export function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  prefix: string,
): string {
  const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passing = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} ${prefix}${field.name}${declarations ? `(${declarations})` : ''} { ${field.name}${
    passing ? `(${passing})` : ''
  }${selection} }`;
}
