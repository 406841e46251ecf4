export function OrderPage({ id }: { id: string }) { return <p>order {id}</p>; }
