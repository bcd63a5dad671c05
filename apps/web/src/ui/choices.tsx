import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';

interface ChoicesProps<T extends string> {
  /** The group's id, for moving focus to it. */
  id?: string;
  label: string;
  description?: string;
  options: readonly T[];
  /** What each option says, from the catalogs. */
  optionLabel: (option: T) => string;
  isInvalid?: boolean;
}

/** One of a few options, as pills that wrap on a phone; arrow keys move between them. */
export function RadioChoices<T extends string>(
  props: ChoicesProps<T> & { value: T | null; onChange: (value: T) => void },
) {
  return (
    <RadioGroup
      id={props.id}
      className="field"
      orientation="horizontal"
      value={props.value}
      onChange={(value) => props.onChange(value as T)}
      isInvalid={props.isInvalid}
    >
      <Label>{props.label}</Label>
      {props.description && <span slot="description">{props.description}</span>}
      <div className="choices">
        {props.options.map((option) => (
          <Radio key={option} value={option} className="choice">
            {props.optionLabel(option)}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** Any of a few options, as pills; `isOptionDisabled` holds a limit (three values at most). */
export function CheckboxChoices<T extends string>(
  props: ChoicesProps<T> & {
    value: readonly T[];
    onChange: (value: T[]) => void;
    isOptionDisabled?: (option: T) => boolean;
  },
) {
  return (
    <CheckboxGroup
      id={props.id}
      className="field"
      value={[...props.value]}
      onChange={(value) => props.onChange(value as T[])}
      isInvalid={props.isInvalid}
    >
      <Label>{props.label}</Label>
      {props.description && <span slot="description">{props.description}</span>}
      <div className="choices">
        {props.options.map((option) => (
          <Checkbox key={option} value={option} className="choice" isDisabled={props.isOptionDisabled?.(option)}>
            {props.optionLabel(option)}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}
