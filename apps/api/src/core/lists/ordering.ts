import { Field, InputType, registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Which way a list is sorted.',
  valuesConfig: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

export interface OrderInput<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

/**
 * The `orderBy` input of one list (`SeminarOrder`) and its field enum (`SeminarOrderField`), from
 * each sort field's description. Rows that tie are ordered by ID, so that the order is total and
 * pages never overlap or skip.
 */
export function orderInput<K extends string>(listName: string, what: string, fields: Record<K, string>) {
  const fieldEnum = Object.fromEntries(Object.keys(fields).map((key) => [key, key])) as { [P in K]: P };
  registerEnumType(fieldEnum, {
    name: `${listName}OrderField`,
    description: `What ${what} can be sorted by.`,
    valuesConfig: Object.fromEntries(
      Object.entries<string>(fields).map(([key, description]) => [key, { description }]),
    ) as Record<K, { description: string }>,
  });

  @InputType(`${listName}Order`, { description: `How to sort ${what}; ties are broken by ID.` })
  class Order implements OrderInput<K> {
    @Field(() => fieldEnum, { description: 'The field to sort by.' })
    field!: K;

    @Field(() => OrderDirection, {
      nullable: true,
      description: "Ascending or descending; the field's usual direction when left out.",
    })
    direction?: OrderDirection | null;
  }
  return Order;
}
