// Public: anyone holding a certificate's paper types its verification code here (no sign-in).
import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { VerificationForm } from "~/components/verification-form";

export const meta: MetaFunction = () => [
  { title: "Verifikasi Sertifikat Keahlian — Mutu" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("kode")?.trim();
  if (typed) throw redirect(`/verifikasi/${encodeURIComponent(typed.replace(/\s+/g, "").slice(0, 40))}`);
  return null;
}

export default function VerifyForm() {
  return (
    <div className="page page-narrow">
      <h1>Verifikasi Sertifikat Keahlian</h1>
      <p className="lead">
        Ketik kode verifikasi yang tercetak di bawah kode QR pada Sertifikat Keahlian Contact Center Bea dan Cukai, atau
        pindai kode QR-nya. Halaman ini menjawab apakah sertifikat itu berlaku, dicabut, atau tidak dikenal.
      </p>
      <VerificationForm />
    </div>
  );
}
