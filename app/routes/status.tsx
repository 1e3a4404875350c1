import type { MetaFunction } from "react-router";
import { useLoaderData } from "react-router";
import { staticPage } from "~/utils/hydration";

// The smallest real page: a status line for operators, and the benchmark's reference route.
export const meta: MetaFunction = () => [{ title: "Service status" }, { name: "robots", content: "noindex" }];

export const handle = staticPage;

export function loader() {
  return { status: "operational" as const };
}

export default function Status() {
  const { status } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Service status</h1>
      <p>All systems {status}.</p>
    </>
  );
}
