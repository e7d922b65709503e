/** Thrown while planning when an operation asks for something the fast path does not compile. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`fast read path: ${what} is not compiled`);
    this.name = 'Unsupported';
  }
}
