// PLACEHOLDER: the real entry lands from its own branch; drop this file at merge.
export const handler = async (): Promise<void> => {};
