/** A toolbar select with its visible label tied to it by id (its accessible name is the label alone). */
import { useId, type ReactNode } from "react";

export function DockSelect({
  label,
  value,
  onChange,
  className,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <span className="dock-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={className}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </span>
  );
}
