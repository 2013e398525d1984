/**
 * A choice among a few settings, each with its one-line meaning (acks, key mode, assignor):
 * native radio buttons in a fieldset, so arrow keys move between them and the legend
 * names the group. An issue about the choice is linked to the group.
 */
import { useId, type ReactNode } from "react";
import { IssueText } from "./Field.tsx";
import type { Issue } from "./validation.ts";

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

interface Props<V extends string> {
  legend: ReactNode;
  name: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
  issue?: Issue;
  /** Lay the options out in a row (short labels, no descriptions). */
  inline?: boolean;

  disabled?: boolean;
}

export function ChoiceGroup<V extends string>(props: Props<V>) {
  const { legend, name, value, choices, onChange, issue, inline = false, disabled } = props;
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <fieldset
      className={`choice-group${inline ? " choice-group-inline" : ""}`}
      aria-describedby={issue === undefined ? undefined : noteId}
      data-severity={issue?.severity}
      disabled={disabled}
    >
      <legend className="field-label">{legend}</legend>
      <div className="choice-options">
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          const descriptionId = `${inputId}-description`;
          return (
            // The description is beside the label, not in it: the option's name stays short.
            <div
              key={choice.value}
              className="choice"
              data-checked={choice.value === value || undefined}
            >
              <input
                id={inputId}
                type="radio"
                name={`${name}-${id}`}
                value={choice.value}
                checked={choice.value === value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.description === undefined ? undefined : descriptionId}
              />
              <label htmlFor={inputId} className="choice-label">
                {choice.label}
              </label>
              {choice.description !== undefined && (
                <span id={descriptionId} className="choice-description">
                  {choice.description}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {issue !== undefined && (
        <p id={noteId} className={`field-note field-note-${issue.severity}`}>
          <IssueText issue={issue} />
        </p>
      )}
    </fieldset>
  );
}
