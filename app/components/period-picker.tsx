import { Form } from "@remix-run/react";
import { SelectField } from "./field";

/** A GET form that picks a period by id; labels carry the full 26–25 range. */
export function PeriodPicker({ value, choices }: { value: string; choices: { value: string; label: string }[] }) {
  return (
    <Form method="get" className="filters">
      <SelectField name="periode" label="Periode" defaultValue={value} options={choices} />
      <button type="submit">Tampilkan</button>
    </Form>
  );
}
