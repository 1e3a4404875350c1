/** A small RFC 5545 reader for tests: enough to check what our calendar files say. */
export type IcsComponent = { name: string; props: Map<string, { params: Record<string, string>; value: string }[]>; children: IcsComponent[] };

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_all, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

export function parseIcs(text: string): IcsComponent {
  if (!text.includes("\r\n")) throw new Error("iCalendar lines must end with CRLF");
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const root: IcsComponent = { name: "ROOT", props: new Map(), children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon < 0) throw new Error(`Not a content line: ${line}`);
    const [name, ...paramParts] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1];
    if (name === "BEGIN") {
      const child: IcsComponent = { name: value, props: new Map(), children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === "END") {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      const params = Object.fromEntries(paramParts.map((p) => p.split("=") as [string, string]));
      const list = top.props.get(name) ?? [];
      list.push({ params, value: unescapeText(value) });
      top.props.set(name, list);
    }
  }
  if (stack.length !== 1) throw new Error(`Unclosed ${stack[stack.length - 1].name}`);
  const [calendar] = root.children;
  if (!calendar || calendar.name !== "VCALENDAR") throw new Error("No VCALENDAR");
  return calendar;
}

export function prop(component: IcsComponent, name: string): string | undefined {
  return component.props.get(name)?.[0]?.value;
}

export function eventsIn(calendar: IcsComponent): IcsComponent[] {
  return calendar.children.filter((c) => c.name === "VEVENT");
}

/** 20261203T133000Z for an instant. */
export function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
