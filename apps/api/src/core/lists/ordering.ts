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
 * The `orderBy` input of one list (`SeminarOrder`), over that list's sort fields. Rows that tie
 * are ordered by ID, so that the order is total and pages never overlap or skip.
 */
export function orderInput<E extends Record<string, string>>(fieldEnum: E, listName: string, what: string) {
  @InputType(`${listName}Order`, { description: `How to sort ${what}; ties are broken by ID.` })
  class Order implements OrderInput<E[keyof E]> {
    @Field(() => fieldEnum, { description: 'The field to sort by.' })
    field!: E[keyof E];

    @Field(() => OrderDirection, {
      nullable: true,
      description: "Ascending or descending; the field's usual direction when left out.",
    })
    direction?: OrderDirection | null;
  }
  return Order;
}
