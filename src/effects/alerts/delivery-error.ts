// Why a delivery failed, and whether trying again can help (a 404 webhook or a 550 mailbox will not get better).
export class DeliveryError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export function isPermanent(err: unknown): boolean {
  return err instanceof DeliveryError && err.permanent;
}
