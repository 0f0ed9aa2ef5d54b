import { Form } from "@remix-run/react";
import { TextField } from "./field";

/** The code field of the public verification page: a plain GET form, so it works without JavaScript. */
export function VerificationForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <Form method="get" action="/verifikasi" className="stack">
      <TextField
        name="kode"
        label="Kode verifikasi"
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        maxLength={40}
        hint="Sepuluh huruf dan angka, misalnya 7KQ4M-X2H9P; huruf besar atau kecil sama saja."
      />
      <div>
        <button type="submit">Periksa</button>
      </div>
    </Form>
  );
}
