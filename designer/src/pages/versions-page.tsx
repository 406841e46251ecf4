export function VersionsPage({ templateKey }: { templateKey: string }) { return <p>versions {templateKey}</p>; }
