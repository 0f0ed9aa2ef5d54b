import { checkHealth } from "~/.server/health";

// For load balancers and the start scripts: 200 when the app can reach its database, 503 otherwise.
export async function loader() {
  const healthy = await checkHealth();
  return new Response(healthy ? "ok" : "database unavailable", {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
