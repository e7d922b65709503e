/**
 * The one place where the API's enum values and type names become words on screen. Most read as they are
 * spelled (IN_PROGRESS is "In progress"); the exceptions, acronyms above all, are named here.
 */
const EXCEPTIONS: Record<string, string> = {
  NGO: 'NGO',
  INTERNATIONAL_ORG: 'International organization',
  NO_SHOW: 'No-show',
  READ_WRITE: 'Read and write',
  ADMIN: 'Administrator',
  UNDISCLOSED: 'Not disclosed',
  // Type names of the audit trail.
  ApiKey: 'API key',
  User: 'Account',
};

/** An enum value or a type's name as words: IN_PROGRESS → "In progress", ReviewCriterion → "Review criterion". */
export function enumLabel(value: string): string {
  const exception = EXCEPTIONS[value];
  if (exception) return exception;
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An enum value inside a sentence: "The seminar is now in progress.", but "… an NGO". */
export function enumWords(value: string): string {
  const label = enumLabel(value);
  return label === label.toUpperCase() ? label : label.toLowerCase();
}

/** The kind of object an audit event is about ("Seminar", "Review criterion", "API key"). */
export const entityTypeLabel = enumLabel;
