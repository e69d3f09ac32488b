// Linux namespaces of a Pod: who shares which, and why (the workshop overlay's model).
export * from './model';
