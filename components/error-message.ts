/** Turns anything thrown into a sentence we can show; the background already words its errors for users. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
