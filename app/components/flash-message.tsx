import type { Flash } from "~/utils/flash";

export function FlashMessage({ flash }: { flash: Flash }) {
  return (
    <div className={`notice notice--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}
