import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  validate,
  visit,
} from 'graphql';
import { describe, expect, it } from 'vitest';

// The limits the API enforces on every operation (apps/api/src/http/limits.ts).
const MAX_TOKENS = 2000;
const MAX_DEPTH = 12;
const MAX_ALIASES = 15;

const OPERATIONS_DIR = join(import.meta.dirname, '../operations');
const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../../apps/api/schema.graphql'), 'utf8'));

interface Operation {
  group: string;
  file: string;
  node: OperationDefinitionNode;
  /** The operation with every fragment it uses, as the SDK sends it. */
  text: string;
}

const files = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ file, source: readFileSync(join(OPERATIONS_DIR, file), 'utf8') }));
const all: DocumentNode = parse(files.map(({ source }) => source).join('\n'));
const fragments = new Map(
  all.definitions
    .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]),
);

/** The fragments a definition uses, directly or through other fragments. */
function fragmentsUsedBy(
  node: OperationDefinitionNode | FragmentDefinitionNode,
  used = new Set<string>(),
): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      const fragment = fragments.get(name);
      if (used.has(name) || !fragment) return;
      used.add(name);
      fragmentsUsedBy(fragment, used);
    },
  });
  return used;
}

/** Depth as graphql-armor counts it with `flattenFragments`: nested fields, fragments adding no level. */
function depthOf(selectionSet: SelectionSetNode | undefined, depth = 0): number {
  let max = depth;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) max = Math.max(max, depthOf(selection.selectionSet, depth + 1));
    else if (selection.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(selection.selectionSet, depth));
    else max = Math.max(max, depthOf(fragments.get(selection.name.value)?.selectionSet, depth));
  }
  return max;
}

function aliasesIn(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    Field(field) {
      if (field.alias) aliases++;
    },
  });
  return aliases;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const operations: Operation[] = files.flatMap(({ file, source }) =>
  parse(source)
    .definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    .map((node) => ({
      group: file.replace(/\.graphql$/, ''),
      file,
      node,
      text: [node, ...[...fragmentsUsedBy(node)].sort().map((name) => fragments.get(name)!)].map(print).join('\n\n'),
    })),
);

const nameOf = (operation: Operation) => operation.node.name?.value ?? '(anonymous)';

describe('operations', () => {
  it('finds the operation documents', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it('validate against the schema, all together', () => {
    expect(validate(schema, all).map((error) => error.message)).toEqual([]);
  });

  it.each(operations.map((operation) => [nameOf(operation), operation] as const))(
    '%s validates alone, with its fragments, within the limits',
    (_name, operation) => {
      const document = parse(operation.text, { maxTokens: MAX_TOKENS });
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      expect(depthOf(operation.node.selectionSet)).toBeLessThanOrEqual(MAX_DEPTH);
      expect(aliasesIn(document)).toBeLessThanOrEqual(MAX_ALIASES);
    },
  );

  it('cover every root field of Query and Mutation exactly once', () => {
    const coverage = new Map<string, string[]>();
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.keys(type.getFields())) coverage.set(`${type.name}.${field}`, []);
    }
    for (const operation of operations) {
      const type = operation.node.operation === 'mutation' ? 'Mutation' : 'Query';
      for (const selection of operation.node.selectionSet.selections) {
        const key = selection.kind === Kind.FIELD ? `${type}.${selection.name.value}` : `${type}.(fragment)`;
        coverage.set(key, [...(coverage.get(key) ?? []), nameOf(operation)]);
      }
    }
    const wrong = [...coverage].filter(([, names]) => names.length !== 1);
    expect(Object.fromEntries(wrong)).toEqual({});
  });

  it('select one root field each, without an alias, passing every argument through as a variable', () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const name = nameOf(operation);
      const [root, ...others] = operation.node.selectionSet.selections;
      if (others.length > 0 || root?.kind !== Kind.FIELD) {
        problems.push(`${name}: must select exactly one root field`);
        continue;
      }
      if (root.alias) problems.push(`${name}: alias at the root`);
      const type = operation.node.operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
      const field = type.getFields()[root.name.value];
      if (!field) continue;
      const variables = new Map(
        (operation.node.variableDefinitions ?? []).map((variable) => [
          variable.variable.name.value,
          print(variable.type),
        ]),
      );
      for (const argument of field.args) {
        const value = (root as FieldNode).arguments?.find((given) => given.name.value === argument.name)?.value;
        if (value?.kind !== Kind.VARIABLE || value.name.value !== argument.name) {
          problems.push(`${name}: argument ${argument.name} is not passed as $${argument.name}`);
        }
        if (variables.get(argument.name) !== String(argument.type)) {
          problems.push(`${name}: $${argument.name} must be ${argument.type}, not ${variables.get(argument.name)}`);
        }
      }
      if (variables.size !== field.args.length) problems.push(`${name}: declares variables the field does not take`);
    }
    expect(problems).toEqual([]);
  });

  it('are named <GroupPascal><Method> after their file', () => {
    const wrong = operations
      .filter(({ group, node }) => !new RegExp(`^${pascal(group)}[A-Z][A-Za-z0-9]*$`).test(node.name?.value ?? ''))
      .map((operation) => `${operation.file}: ${nameOf(operation)}`);
    expect(wrong).toEqual([]);
  });

  it('name each fragment <Type>Fields', () => {
    const wrong = [...fragments.values()]
      .filter((fragment) => fragment.name.value !== `${fragment.typeCondition.name.value}Fields`)
      .map((fragment) => fragment.name.value);
    expect(wrong).toEqual([]);
  });

  it('keep common.graphql to fragments', () => {
    expect(operations.filter(({ file }) => file === 'common.graphql').map(nameOf)).toEqual([]);
  });
});
