/** A free TCP port on 127.0.0.1, picked by the kernel. */
export declare function findFreePort(): Promise<number>;
