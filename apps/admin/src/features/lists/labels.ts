/** An enum value as words: IN_PROGRESS → "In progress". */
export const enumLabel = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
