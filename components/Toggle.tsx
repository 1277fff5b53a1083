/** A labelled on/off switch: a native checkbox (keyboard and screen readers work for free) styled as a switch. */
export function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Visible text; defaults to the accessible label. */
  children?: React.ReactNode;
  disabled?: boolean;
  /** Id of the text that says more about the switch (read after its name by screen readers). */
  describedBy?: string;
}) {
  return (
    <label className="pi-toggle">
      <input
        type="checkbox"
        role="switch"
        aria-label={props.label}
        aria-describedby={props.describedBy}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.children ?? props.label}</span>
    </label>
  );
}
