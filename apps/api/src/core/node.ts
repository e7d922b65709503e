import { type GraphQLSchema, isObjectType } from 'graphql';
import { Field, ID, InterfaceType } from 'type-graphql';
import type { Loaders } from './loaders.ts';
import { toGlobalId } from './node-id.ts';

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque ID, which `node(id:)` and `nodes(ids:)` fetch again.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID. Stable: store it, but never parse it.' })
  id!: string;
}

/** Which loader fetches each Node type by its database id. */
export const NODE_LOADERS = {
  Organization: 'organization',
  Person: 'person',
  Place: 'place',
  Program: 'program',
  Seminar: 'seminar',
  Session: 'session',
  Enrollment: 'enrollment',
  Proposal: 'proposal',
  Milestone: 'milestone',
  ProgressReport: 'progressReport',
  Review: 'review',
  ReviewCriterion: 'reviewCriterion',
  User: 'user',
  ApiKey: 'apiKey',
} as const satisfies Record<string, keyof Loaders>;

export type NodeTypeName = keyof typeof NODE_LOADERS;

export function isNodeTypeName(name: string): name is NodeTypeName {
  return Object.hasOwn(NODE_LOADERS, name);
}

/**
 * Rows carry database UUIDs; clients see global IDs. Rather than encode in every resolver, the `id`
 * of every type implementing Node is encoded here, once, from the type's own name.
 */
export function encodeNodeIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === 'Node')) continue;
    const field = type.getFields().id;
    if (field) field.resolve = (row: { id: string }) => toGlobalId(type.name, row.id);
  }
  return schema;
}
