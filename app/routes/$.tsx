import { notFound } from "~/.server/errors";

// Any address that matches no page: the layout's friendly "not found" page.
export async function loader(): Promise<never> {
  notFound();
}

export default function NotFound() {
  return null;
}
