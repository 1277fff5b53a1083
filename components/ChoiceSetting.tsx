/**
 * One setting chosen from a fixed list: a labelled `<select>`. `labels` names every option, so a
 * new option in the setting's enum fails the type check until it has a label.
 */
export function ChoiceSetting<T extends string>({ label, options, labels, value, onChange }: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => {
          const chosen = options.find((option) => option === e.currentTarget.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => <option key={option} value={option}>{labels[option]}</option>)}
      </select>
    </label>
  );
}
