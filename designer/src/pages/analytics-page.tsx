export function AnalyticsPage() { return <p>analytics</p>; }
