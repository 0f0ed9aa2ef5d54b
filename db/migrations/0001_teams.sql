-- The three Tim Kerja of the contact center (regulation KEP-165/BC/2014) exist in every database.
INSERT INTO "teams" ("code", "name") VALUES
  ('layanan_informasi', 'Tim Kerja Layanan Informasi dan Pengaduan'),
  ('manajemen_layanan', 'Tim Kerja Manajemen Layanan'),
  ('penjamin_kualitas', 'Tim Kerja Penjamin Kualitas Layanan')
ON CONFLICT ("code") DO NOTHING;
