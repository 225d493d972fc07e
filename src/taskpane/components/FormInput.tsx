/** One labelled text/number input of the scenario form, with its error under it. */
import { Field, Input } from "@fluentui/react-components";

export interface FormInputProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  disabled?: boolean;
  inputMode?: "decimal" | "numeric" | "text";
  onChange: (value: string) => void;
}

export function FormInput({ id, label, value, error, disabled, inputMode = "decimal", onChange }: FormInputProps) {
  return (
    <Field label={label} validationMessage={error} validationState={error ? "error" : "none"} size="small">
      <Input id={id} size="small" value={value} disabled={disabled} inputMode={inputMode} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
