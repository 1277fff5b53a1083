/** One number of the popup with its label; `data-pi-count` is the public contract tests and users rely on. */
export function Count(props: {
  name: 'new' | 'unread' | 'hidden' | 'total' | 'saved' | 'today-unread';
  value: number;
  label: string;
  accent?: 'orange' | 'blue';
}) {
  const labelId = `pi-count-label-${props.name}`;
  return (
    <div className="pi-count" data-accent={props.accent}>
      <span className="pi-count-n" data-pi-count={props.name} aria-describedby={labelId}>
        {props.value}
      </span>
      <span className="pi-count-label" id={labelId}>
        {props.label}
      </span>
    </div>
  );
}
