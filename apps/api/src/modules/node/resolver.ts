import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { badUserInput } from '../../core/errors.ts';
import { isNodeTypeName, NODE_LOADERS, Node } from '../../core/node.ts';
import { fromGlobalId } from '../../core/node-id.ts';
import { MAX_PAGE_SIZE } from '../../core/pagination.ts';

async function loadNode(ctx: Context, globalId: string, argument: string) {
  const { typeName, id } = fromGlobalId(globalId, argument);
  if (!isNodeTypeName(typeName)) return null;
  const row = await ctx.loaders[NODE_LOADERS[typeName]].load(id);
  return row ? { ...row, __typename: typeName } : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'A global ID returned by this API.' }) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Fetches up to ${MAX_PAGE_SIZE} objects by their global IDs, in the order given; null for each that does not exist.`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: `Global IDs returned by this API; at most ${MAX_PAGE_SIZE}.` })
    ids: string[],
    @Ctx() ctx: Context,
  ) {
    if (ids.length > MAX_PAGE_SIZE)
      throw badUserInput(`Give at most ${MAX_PAGE_SIZE} \`ids\`; got ${ids.length}.`, 'ids');
    return Promise.all(ids.map((id, index) => loadNode(ctx, id, `ids[${index}]`)));
  }
}
