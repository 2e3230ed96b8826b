/** A photo the library refuses, with a message meant for the user (shown in the UI, the CLI and job logs). */
export class PhotoImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PhotoImportError';
  }
}
