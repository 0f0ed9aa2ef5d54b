import { Link } from "@remix-run/react";
import type { Role } from "../../analytics/roles";

// What each role does in Mutu (DESIGN.md §1). Tasks without `to` are planned capabilities, shown as such so
// nobody looks for a page that does not exist yet.
type Task = { title: string; text: string; to: string };

export const ROLE_TASKS: Record<Role, Task[]> = {
  admin: [
    {
      title: "Kelola pengguna",
      text: "Tambah akun, atur peran, nonaktifkan akun, dan atur ulang kata sandi.",
      to: "/admin/pengguna",
    },
    {
      title: "Pengaturan",
      text: "Batas waktu sesi, pembatasan percobaan masuk, dan reverse proxy.",
      to: "/admin/pengaturan",
    },
    {
      title: "Log audit",
      text: "Siapa mengubah apa dan kapan, termasuk percobaan masuk yang gagal.",
      to: "/admin/audit",
    },
    { title: "Data staf", text: "Tambah dan ubah data staf contact center dengan NIP yang tervalidasi.", to: "/staf" },
  ],
  kepala_seksi: [
    { title: "Direktori staf", text: "Data seluruh staf ketiga Tim Kerja, termasuk pangkat/golongan.", to: "/staf" },
    {
      title: "Evaluasi dan cakupan",
      text: "Semua evaluasi per periode 26–25 dan cakupannya terhadap kuota.",
      to: "/cakupan",
    },
    {
      title: "Tinjau KPI per periode",
      text: "Nilai hardskill, softskill, kedisiplinan dan CPH per periode 26–25, target IKU, lalu setujui dan kunci periode.",
      to: "/kpi",
    },
    { title: "Laporan tim", text: "Laporan permasalahan, analisis dan rekomendasi dari Tim Kerja.", to: "/laporan" },
    {
      title: "Sertifikasi",
      text: 'Siapa yang memenuhi syarat Sertifikat Keahlian; catat keputusan "dianggap mampu" di halaman staf, lalu terbitkan sertifikat.',
      to: "/kelayakan",
    },
    {
      title: "Register sertifikat",
      text: "Semua Sertifikat Keahlian yang terbit dan yang dicabut.",
      to: "/sertifikat",
    },
  ],
  koordinator_qa: [
    { title: "Direktori staf", text: "Petugas yang dievaluasi oleh Tim Penjamin Kualitas.", to: "/staf" },
    { title: "KPI per periode", text: "KPI petugas dan tim, grafik, dan berkas Excel.", to: "/kpi" },
    { title: "Laporan", text: "Tulis laporan Tim Penjamin Kualitas kepada Kepala Seksi.", to: "/laporan" },
    {
      title: "Template penilaian",
      text: "Susun dan terbitkan template penilaian sesuai KEP-165/BC/2014.",
      to: "/template",
    },
    {
      title: "Sanggahan",
      text: "Selesaikan sanggahan petugas: nilai tetap atau disesuaikan.",
      to: "/evaluasi?status=disputed&periode=semua",
    },
    { title: "Kalibrasi", text: "Sesi penilaian bersama dan deviasi tiap penilai.", to: "/kalibrasi" },
    {
      title: "Cakupan",
      text: "Siapa yang masih perlu dievaluasi periode ini, dan beban tiap penilai.",
      to: "/cakupan",
    },
    {
      title: "Impor statistik panggilan",
      text: "Unggah CSV dari sistem telepon; CPH per petugas dihitung untuk penilaian periode.",
      to: "/impor",
    },
  ],
  penilai: [
    { title: "Direktori staf", text: "Cari petugas yang akan dinilai.", to: "/staf" },
    {
      title: "Evaluasi interaksi",
      text: "Nilai panggilan, chat, surel, SMS dan media sosial dengan lembar penilaian.",
      to: "/evaluasi/baru",
    },
    {
      title: "Penilaian periode",
      text: "Nilai kedisiplinan dan konfirmasi CPH sekali per periode.",
      to: "/evaluasi/periode",
    },
    { title: "Kalibrasi", text: "Nilai interaksi bersama penilai lain dan lihat deviasi Anda.", to: "/kalibrasi" },
  ],
  supervisor: [
    { title: "Tim saya", text: "Data staf di Tim Kerja Anda.", to: "/staf" },
    { title: "Hasil tim", text: "Evaluasi anggota tim per periode.", to: "/evaluasi" },
    { title: "KPI tim", text: "KPI anggota tim per periode 26–25.", to: "/kpi" },
    { title: "Laporan", text: "Tulis laporan tim kepada Kepala Seksi.", to: "/laporan" },
    { title: "Sertifikasi tim", text: "Kelayakan dan Sertifikat Keahlian anggota tim.", to: "/kelayakan" },
    {
      title: "Kepatuhan jadwal",
      text: "Apakah anggota tim login saat berdinas: terlambat, pulang awal, tidak hadir.",
      to: "/tenaga-kerja/kepatuhan",
    },
  ],
  ketua_tim: [
    { title: "Regu saya", text: "Data staf anggota regu Anda.", to: "/staf" },
    { title: "Hasil regu", text: "Evaluasi anggota regu per periode.", to: "/evaluasi" },
    { title: "KPI regu", text: "KPI anggota regu per periode 26–25, juga sebagai Excel.", to: "/kpi" },
    { title: "Pembinaan", text: "Bina anggota regu setelah evaluasi dan ikuti tindak lanjutnya.", to: "/pembinaan" },
    {
      title: "Jadwal dinas",
      text: "Jadwal dinas regu Anda: lihat dan ubah giliran anggotanya.",
      to: "/tenaga-kerja/jadwal",
    },
  ],
  penjadwal: [
    {
      title: "Jadwal dinas",
      text: "Susun dan ubah jadwal dinas seluruh contact center, minggu demi minggu.",
      to: "/tenaga-kerja/jadwal",
    },
    {
      title: "Rencana kebutuhan staf",
      text: "Kebutuhan petugas per interval (Erlang C dan Erlang A) dibandingkan dengan yang terjadwal.",
      to: "/tenaga-kerja/rencana",
    },
    {
      title: "Impor jadwal",
      text: "Unggah jadwal dinas dari CSV atau Excel: pratinjau, simpan, batalkan.",
      to: "/impor",
    },
  ],
  petugas: [
    { title: "Profil saya", text: "Data kepegawaian Anda dan penggantian kata sandi.", to: "/profil" },
    { title: "Evaluasi saya", text: "Lihat evaluasi Anda, lalu konfirmasi atau ajukan sanggahan.", to: "/evaluasi" },
    {
      title: "Pelatihan dan sertifikat",
      text: "Riwayat pelatihan dan Sertifikat Keahlian Anda.",
      to: "/profil#sertifikasi",
    },
  ],
  hr: [
    { title: "Data staf", text: "Tambah dan ubah data staf; NIP diperiksa saat diisi.", to: "/staf" },
    {
      title: "Impor data",
      text: "Unggah CSV atau Excel data staf, catatan pelatihan atau statistik panggilan: pratinjau, simpan, dan batalkan bila perlu.",
      to: "/impor",
    },
    {
      title: "Katalog pelatihan",
      text: "Kode, nama, kategori, jam pelajaran dan masa berlaku tiap pelatihan.",
      to: "/pelatihan",
    },
    {
      title: "Catatan pelatihan",
      text: "Cari, tambah, perbaiki atau hapus satu catatan pelatihan; setiap perubahan tercatat.",
      to: "/pelatihan/catatan",
    },
    {
      title: "Kelayakan sertifikasi",
      text: "Siapa yang sudah memenuhi syarat dan apa yang masih kurang.",
      to: "/kelayakan",
    },
  ],
};

export function RoleTasks({ role, label }: { role: Role; label: string }) {
  return (
    <section aria-labelledby={`tugas-${role}`}>
      <h2 id={`tugas-${role}`}>Sebagai {label}</h2>
      <div className="cards">
        {ROLE_TASKS[role].map((task) => (
          <div className="card" key={task.title}>
            <h3>
              <Link to={task.to}>{task.title}</Link>
            </h3>
            <p>{task.text}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
