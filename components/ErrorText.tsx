/** A user-facing error sentence, announced by screen readers when it appears. */
export function ErrorText(props: { message: string | null | undefined }) {
  if (!props.message) return null;
  return (
    <p className="pi-alert" role="alert">
      {props.message}
    </p>
  );
}
