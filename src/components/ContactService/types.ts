export interface ContactServiceProps {
  /** Names what the buyer asks about: `order:<id>` or `product:<id>` (weapp: the session's `session-from`). */
  sessionFrom: string;
  /** weapp: the product card the buyer can send into the chat (`show-message-card`). */
  card?: { title: string; path: string; img: string };
  /** The entry's class (pages place it in their own bars). */
  className?: string;
  /** The entry's text; 联系客服 unless the page's bar wants a shorter one. */
  text?: string;
}

/** The `session-from` of a product or an order: what the shop's customer service sees the buyer came from. */
export const contactFrom = {
  product: (id: string) => `product:${id}`,
  order: (id: string) => `order:${id}`,
};
