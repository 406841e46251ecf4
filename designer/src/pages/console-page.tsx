export function ConsolePage() { return <p>console</p>; }
