export function TemplatesPage() { return <p>templates</p>; }
