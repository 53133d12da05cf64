/** An error answered with an HTTP status and a stable code, outside the TCB protocol (gateway, dev controls). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
