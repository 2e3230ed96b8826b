/** Errors the admin operations raise for bad input; each transport maps them to its own shape (HTTP 404/400). */
export class NotFoundError extends Error {}
export class ValidationError extends Error {}
