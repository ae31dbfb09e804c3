export * from './organisation';
export * from './people';
export * from './sessions';
export * from './audit';
export * from './bankid';
export * from './cases';
export * from './decisions';
export * from './utdrag';
